import type { EnqueueResult, FiredEvent } from '@byte8/core';

/**
 * Where reconciliation and backfill put what they found: the publisher's
 * `enqueue` (which adds `occurred_at`, the tenant and the pending mirror row,
 * and skips a provider that is not connected).
 */
export interface EventEnqueuer {
  enqueue(provider: string, events: readonly FiredEvent[]): Promise<EnqueueResult[]>;
}
