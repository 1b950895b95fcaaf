import type { ClaimOptions, OutboxRow } from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Byte8Tables } from '../byte8-tables.js';
import { toOutboxRow } from './outbox-row.js';

/** Validates claim options; the lease owner must fit `lease_owner` varchar(64). */
export function validateClaimOptions(options: ClaimOptions): void {
  if (typeof options?.owner !== 'string' || options.owner.length === 0 || options.owner.length > 64) {
    throw new TypeError('claim: `owner` must be a string of 1 to 64 characters');
  }
  if (!Number.isSafeInteger(options.limit) || options.limit < 1) throw new TypeError('claim: `limit` must be a positive integer');
  if (!Number.isSafeInteger(options.leaseMs) || options.leaseMs < 1) throw new TypeError('claim: `leaseMs` must be a positive integer');
  if (!Array.isArray(options.tenants)) throw new TypeError('claim: `tenants` must be an array of { provider, tenantId }');
}

/**
 * Leases up to `limit` due rows in one statement, oldest first.
 *
 * Due: pending, `next_attempt_at` reached, no live lease, and enqueued for
 * the provider's current tenant. FIFO: a row waits while an older pending row
 * of the same provider, tenant and entity exists (even one leased elsewhere),
 * so at most one row per entity is in flight. A row held for a previous
 * tenant is never sent, so it must not block the current tenant's rows. SKIP LOCKED lets concurrent claimers
 * pass each other's locked rows instead of queueing behind them.
 * `= ANY (ARRAY(...))` rather than `IN (...)`: with IN the planner joined
 * the picked ids against a sequential scan of the whole table, a cost that
 * grew with every row the outbox holds (succeeded ones included); the array
 * turns the update into primary-key lookups.
 */
export async function runClaimStatement(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  options: ClaimOptions,
  now: Date,
): Promise<OutboxRow[]> {
  const { outbox } = tables;
  const leaseExpiresAt = new Date(now.getTime() + options.leaseMs);
  const result = await sql<Record<string, unknown>>`
    UPDATE ${outbox} AS o
    SET lease_owner = ${options.owner}, lease_expires_at = ${leaseExpiresAt}::timestamptz,
        attempts_started = o.attempts_started + 1
    WHERE o.entity_id = ANY (ARRAY(
      SELECT c.entity_id FROM ${outbox} c
      WHERE c.status = 'pending'
        AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= ${now}::timestamptz)
        AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= ${now}::timestamptz)
        AND (c.provider, c.tenant_id) IN (
          SELECT * FROM unnest(${options.tenants.map((t) => t.provider)}::text[], ${options.tenants.map((t) => t.tenantId)}::text[])
        )
        AND NOT EXISTS (
          SELECT 1 FROM ${outbox} older
          WHERE older.status = 'pending' AND older.provider = c.provider AND older.entity_type = c.entity_type
            AND older.entity_ref = c.entity_ref AND older.tenant_id = c.tenant_id AND older.entity_id < c.entity_id
        )
      ORDER BY c.entity_id
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED
    ))
    RETURNING o.*
  `.execute(executor);
  return result.rows.map(toOutboxRow).sort((a, b) => a.id - b.id);
}
