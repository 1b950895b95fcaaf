import type { ClaimOptions, OutboxRow } from '@byte8/core';
import { type Kysely, sql } from 'kysely';
import type { Byte8Tables } from '../../byte8-tables.js';
import { toOutboxRow } from '../../outbox/outbox-row.js';
import { toNumber } from '../../sql-values.js';

/**
 * Leases up to `limit` due rows, oldest first: the same rule as the
 * PostgreSQL claim (outbox/claim-statement.ts), in three statements of one
 * short transaction, since MySQL can neither UPDATE a table it selects from
 * in a subquery with LIMIT nor RETURNING from an UPDATE (MariaDB).
 *
 * `FOR UPDATE SKIP LOCKED` (MySQL 8.0.1+, MariaDB 10.6+) lets concurrent
 * claimers pass each other's locked rows instead of waiting behind them;
 * READ COMMITTED keeps the rows the scan looked at but did not pick unlocked.
 * The NOT EXISTS of per-entity FIFO is a plain read, so an older pending row
 * leased by another claimer still holds back its successors.
 */
export async function runMysqlClaim(db: Kysely<any>, tables: Byte8Tables, options: ClaimOptions, now: Date): Promise<OutboxRow[]> {
  const { outbox } = tables;
  const leaseExpiresAt = new Date(now.getTime() + options.leaseMs);
  const tenants = sql.join(options.tenants.map((t) => sql`(${t.provider}, ${t.tenantId})`));
  return db
    .transaction()
    .setIsolationLevel('read committed')
    .execute(async (trx) => {
      const picked = await sql<{ entity_id: unknown }>`
        SELECT c.entity_id FROM ${outbox} c
        WHERE c.status = 'pending'
          AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= ${now})
          AND (c.lease_expires_at IS NULL OR c.lease_expires_at <= ${now})
          AND (c.provider, c.tenant_id) IN (${tenants})
          AND NOT EXISTS (
            SELECT 1 FROM ${outbox} older
            WHERE older.status = 'pending' AND older.provider = c.provider AND older.entity_type = c.entity_type
              AND older.entity_ref = c.entity_ref AND older.tenant_id = c.tenant_id AND older.entity_id < c.entity_id
          )
        ORDER BY c.entity_id
        LIMIT ${options.limit}
        FOR UPDATE SKIP LOCKED
      `.execute(trx);
      if (picked.rows.length === 0) return [];
      const ids = sql.join(picked.rows.map((r) => toNumber(r.entity_id)));
      await sql`
        UPDATE ${outbox} SET lease_owner = ${options.owner}, lease_expires_at = ${leaseExpiresAt}, attempts_started = attempts_started + 1
        WHERE entity_id IN (${ids})
      `.execute(trx);
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${outbox} WHERE entity_id IN (${ids}) ORDER BY entity_id`.execute(trx);
      return rows.rows.map(toOutboxRow);
    });
}
