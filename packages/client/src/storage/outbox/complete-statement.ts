import type { DeliveryOutcome } from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Byte8Tables } from '../byte8-tables.js';

function validateOutcome(outcome: DeliveryOutcome, index: number): void {
  const fail = (message: string): never => {
    throw new TypeError(`complete: outcome ${index}: ${message}`);
  };
  if (!['succeeded', 'retry', 'dead_lettered'].includes(outcome?.kind)) fail('`kind` must be succeeded, retry or dead_lettered');
  if (!Number.isSafeInteger(outcome.id) || outcome.id < 1) fail('`id` must be a positive integer');
  if (!(outcome.at instanceof Date) || Number.isNaN(outcome.at.getTime())) fail('`at` must be a valid Date');
  if (outcome.kind === 'retry' && !(outcome.nextAttemptAt instanceof Date && !Number.isNaN(outcome.nextAttemptAt.getTime()))) {
    fail('`nextAttemptAt` must be a valid Date');
  }
}

/**
 * Records a batch of delivery outcomes in one UPDATE.
 * A finished attempt also squares `attempts_started` with `attempts`: the
 * crash counter counts claims that never finished since the last one that
 * did, so one killed worker does not mark the row a suspect for life.
 * Only rows still pending and leased by `owner` change: a worker whose lease
 * expired and was taken over cannot overwrite the new holder's result.
 *
 * The rows are found by primary key (`entity_id = ANY(ids)`) and each row's
 * outcome is looked up in one jsonb object keyed by id, read once from a
 * one-row subquery: no join at all. A join against `unnest(...)` was at the
 * planner's mercy: right after ANALYZE (every `lease_owner` NULL) it scanned
 * the whole outbox, and once autovacuum had analysed a draining table it
 * estimated one leased row and ran a nested loop over the batch for each row
 * (500 x 500 comparisons, 80-140 ms a batch at 20k rows, against 6-10 ms).
 */
export async function runCompleteStatement(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  owner: string,
  outcomes: readonly DeliveryOutcome[],
): Promise<number> {
  outcomes.forEach(validateOutcome);
  if (outcomes.length === 0) return 0;
  const ids = outcomes.map((o) => o.id);
  // id -> [status, code, at, next, error]; a repeated id keeps its last outcome.
  const byId: Record<string, readonly unknown[]> = {};
  for (const o of outcomes) {
    byId[o.id] = [
      o.kind === 'retry' ? 'pending' : o.kind,
      o.statusCode,
      o.at.toISOString(),
      o.kind === 'retry' ? o.nextAttemptAt.toISOString() : null,
      o.kind === 'succeeded' ? null : o.error,
    ];
  }
  const result = await sql`
    UPDATE ${tables.outbox} AS o
    SET status = p.m -> o.entity_id::text ->> 0, attempts = o.attempts + 1, attempts_started = o.attempts + 1,
        last_status_code = (p.m -> o.entity_id::text ->> 1)::int,
        last_attempt_at = (p.m -> o.entity_id::text ->> 2)::timestamptz,
        next_attempt_at = (p.m -> o.entity_id::text ->> 3)::timestamptz,
        last_error = p.m -> o.entity_id::text ->> 4,
        lease_owner = NULL, lease_expires_at = NULL
    FROM (SELECT ${JSON.stringify(byId)}::jsonb AS m) AS p
    WHERE o.entity_id = ANY(${ids}::bigint[]) AND o.lease_owner = ${owner} AND o.status = 'pending'
  `.execute(executor);
  return Number(result.numAffectedRows ?? 0n);
}
