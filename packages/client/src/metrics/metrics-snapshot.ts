import type { EntityType, OutboxStatus } from '@byte8/core';
import type { DeliveryStats } from './delivery-metrics.js';

/** Everything `renderPrometheus` writes, also served as JSON by `byte8 status --json`. */
export interface MetricsSnapshot {
  readonly takenAt: Date;
  readonly providers: ReadonlyArray<{ readonly provider: string; readonly connected: boolean }>;
  /** Outbox rows by provider and status (zeros included for every installed provider). */
  readonly outbox: ReadonlyArray<{ readonly provider: string; readonly status: OutboxStatus; readonly count: number }>;
  readonly oldestPendingAgeSeconds: ReadonlyArray<{ readonly provider: string; readonly seconds: number | null }>;
  readonly deadLetters: ReadonlyArray<{ readonly provider: string; readonly count: number }>;
  /** Process-local delivery counters; empty when no recorder was given. */
  readonly deliveries: DeliveryStats['deliveries'];
  readonly latency: DeliveryStats['latency'];
  /** Seconds between now and each reconciliation watermark; null before the first pass. */
  readonly reconciliationLag: ReadonlyArray<{
    readonly provider: string;
    readonly entityType: EntityType;
    readonly seconds: number | null;
  }>;
}
