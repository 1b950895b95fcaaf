import type { Envelope, EntityType, SyncStateCallback, TerminalSyncStatus } from '@byte8/core';

/** One HTTP exchange, either a request the host sent to the simulator or one the simulator sent to the host. */
export interface RecordedExchange {
  readonly direction: 'to-ledger' | 'to-host';
  readonly method: string;
  /** Full URL. */
  readonly url: string;
  /** Path and query. */
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** 0 when no HTTP answer was given (dropped connection, network error). */
  readonly status: number;
  readonly responseBody: string;
  readonly startedAt: Date;
  readonly durationMs: number;
  /** Network error or dropped connection. */
  readonly error: string | null;
}

/** A webhook delivery as the simulator judged it. */
export interface DeliveryRecord {
  readonly tenantId: string;
  readonly event: string;
  readonly provider: string;
  readonly idempotencyKey: string | null;
  readonly envelope: Envelope | null;
  readonly status: number;
  readonly syncRunId: string | null;
  /** An accepted delivery of a key already accepted (answered with the same sync_run_id). */
  readonly duplicate: boolean;
  /** Rejection reason, or the fault that answered it. */
  readonly error: string | null;
  readonly fault: string | null;
  readonly receivedAt: Date;
}

/** One pull of a canonical entity from the host. */
export interface PullRecord {
  readonly tenantId: string;
  readonly entityType: EntityType | 'payment';
  readonly entityId: number;
  readonly status: number;
  /** Validated against the core's canonical schema. */
  readonly valid: boolean;
  readonly issues: readonly string[];
  readonly body: unknown;
  /** When the host answered. */
  readonly at: Date;
}

/** A sync-state callback the simulator sent, with the host's answer. */
export interface CallbackRecord {
  readonly tenantId: string;
  readonly syncRunId: string;
  readonly body: SyncStateCallback;
  /** 0 on a network error. */
  readonly status: number;
  /** When the host answered. */
  readonly at: Date;
}

/** What processing after the 202 came to. */
export interface ProcessingRecord {
  readonly syncRunId: string;
  readonly tenantId: string;
  readonly provider: string;
  readonly event: string;
  readonly entityType: EntityType;
  readonly entityId: number;
  readonly outcome: TerminalSyncStatus;
  readonly errorCode: string | null;
  readonly skipReason: string | null;
  readonly providerEntityId: string | null;
  /** Why processing failed when the policy did not ask for it (a bad pull). */
  readonly reason: string | null;
  readonly finishedAt: Date;
}

/** Counters kept even when recording is off. */
export interface SimulatorStats {
  /** Every webhook request received. */
  readonly deliveries: number;
  /** Answered 202 (first or duplicate). */
  readonly accepted: number;
  /** Distinct (tenant, provider, Idempotency-Key) accepted. */
  readonly uniqueKeys: number;
  /** 202s for a key accepted before. */
  readonly duplicateDeliveries: number;
  /** Refused with 4xx for a reason of the contract (JWT, key, envelope). */
  readonly rejected: number;
  /** Answered by an injected fault. */
  readonly faulted: number;
  readonly pulls: number;
  readonly callbacks: number;
}
