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
 * Records a batch of delivery outcomes in one UPDATE ... FROM unnest(...).
 * A finished attempt also squares `attempts_started` with `attempts`: the
 * crash counter counts claims that never finished since the last one that
 * did, so one killed worker does not mark the row a suspect for life.
 * Only rows still pending and leased by `owner` change: a worker whose lease
 * expired and was taken over cannot overwrite the new holder's result.
 * `entity_id = ANY(ids)` repeats the join key as an index condition: the
 * planner cannot see into `unnest` and, once ANALYZE has seen every
 * `lease_owner` NULL, it joined the batch against a sequential scan of the
 * whole outbox (75 ms a batch at 20k rows, against 6 ms by primary key).
 */
export async function runCompleteStatement(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  owner: string,
  outcomes: readonly DeliveryOutcome[],
): Promise<number> {
  outcomes.forEach(validateOutcome);
  if (outcomes.length === 0) return 0;
  const status = outcomes.map((o) => (o.kind === 'retry' ? 'pending' : o.kind));
  const code = outcomes.map((o) => o.statusCode);
  const next = outcomes.map((o) => (o.kind === 'retry' ? o.nextAttemptAt : null));
  const error = outcomes.map((o) => (o.kind === 'succeeded' ? null : o.error));
  const ids = outcomes.map((o) => o.id);
  const result = await sql`
    UPDATE ${tables.outbox} AS o
    SET status = v.status, attempts = o.attempts + 1, attempts_started = o.attempts + 1,
        last_status_code = v.code, last_attempt_at = v.at,
        next_attempt_at = v.next, last_error = v.error, lease_owner = NULL, lease_expires_at = NULL
    FROM unnest(
      ${ids}::bigint[], ${status}::text[], ${code}::int[],
      ${outcomes.map((o) => o.at)}::timestamptz[], ${next}::timestamptz[], ${error}::text[]
    ) AS v(id, status, code, at, next, error)
    WHERE o.entity_id = ANY(${ids}::bigint[]) AND o.entity_id = v.id AND o.lease_owner = ${owner} AND o.status = 'pending'
  `.execute(executor);
  return Number(result.numAffectedRows ?? 0n);
}
