import type { DeliveryOutcome } from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Byte8Tables } from '../../byte8-tables.js';

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
 * Records a batch of delivery outcomes in one UPDATE (MySQL has no unnest).
 * Same rules as on PostgreSQL
 * (outbox/complete-statement.ts): only rows still pending and leased by
 * `owner` change, and a finished attempt squares `attempts_started`.
 */
export async function runMysqlComplete(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  owner: string,
  outcomes: readonly DeliveryOutcome[],
): Promise<number> {
  outcomes.forEach(validateOutcome);
  if (outcomes.length === 0) return 0;
  // One CASE per column, keyed by row id: a single-table UPDATE, whose assignments MySQL
  // evaluates left to right, so attempts_started reads attempts before it is incremented.
  const byId = <T>(pick: (o: DeliveryOutcome) => T) =>
    sql`CASE entity_id ${sql.join(outcomes.map((o) => sql`WHEN ${o.id} THEN ${pick(o)}`), sql` `)} END`;
  const result = await sql`
    UPDATE ${tables.outbox}
    SET attempts_started = attempts + 1, attempts = attempts + 1,
        status = ${byId((o) => (o.kind === 'retry' ? 'pending' : o.kind))},
        last_status_code = ${byId((o) => o.statusCode)},
        last_attempt_at = ${byId((o) => o.at)},
        next_attempt_at = ${byId((o) => (o.kind === 'retry' ? o.nextAttemptAt : null))},
        last_error = ${byId((o) => (o.kind === 'succeeded' ? null : o.error))},
        lease_owner = NULL, lease_expires_at = NULL
    WHERE entity_id IN (${sql.join(outcomes.map((o) => o.id))}) AND lease_owner = ${owner} AND status = 'pending'
  `.execute(executor);
  return Number(result.numAffectedRows ?? 0n);
}
