import type { CurrentTenant, HeldAction, HeldCount } from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Byte8Tables } from '../../byte8-tables.js';
import { toNumber } from '../../sql-values.js';
import { inMysqlTransaction } from '../mysql-executor.js';

const HELD_ACTIONS: readonly HeldAction[] = ['readdress', 'drop'];

function checkTenant(method: string, provider: unknown, tenantId: unknown): void {
  if (typeof provider !== 'string' || provider.length === 0 || provider.length > 32) {
    throw new TypeError(`${method}: \`provider\` must be a string of 1 to 32 characters`);
  }
  if (typeof tenantId !== 'string' || tenantId.length === 0 || tenantId.length > 64) {
    throw new TypeError(`${method}: \`tenantId\` must be a string of 1 to 64 characters`);
  }
}

/** Held rows per provider on MySQL (see outbox/held-rows.ts): pending rows of any tenant but the current one. */
export async function countMysqlHeld(executor: QueryExecutorProvider, tables: Byte8Tables, current: readonly CurrentTenant[]): Promise<HeldCount[]> {
  if (!Array.isArray(current)) throw new TypeError('heldCounts: `current` must be an array of { provider, tenantId }');
  for (const c of current) checkTenant('heldCounts', c?.provider, c?.tenantId);
  if (current.length === 0) return [];
  const held = sql.join(
    current.map((c) => sql`(o.provider = ${c.provider} AND NOT (o.tenant_id <=> ${c.tenantId}))`),
    sql` OR `,
  );
  // Grouped by tenant too (MySQL has no array_agg); the tenants are folded per provider below.
  const result = await sql<{ provider: string; tenant_id: string | null; count: unknown }>`
    SELECT o.provider, o.tenant_id, count(*) AS count FROM ${tables.outbox} o
    WHERE o.status = 'pending' AND (${held})
    GROUP BY o.provider, o.tenant_id
  `.execute(executor);
  const byProvider = new Map<string, { count: number; tenants: Set<string> }>();
  for (const row of result.rows) {
    const entry = byProvider.get(row.provider) ?? { count: 0, tenants: new Set<string>() };
    entry.count += toNumber(row.count);
    if (row.tenant_id !== null) entry.tenants.add(row.tenant_id);
    byProvider.set(row.provider, entry);
  }
  return [...byProvider.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([provider, entry]) => ({ provider, count: entry.count, tenants: [...entry.tenants].sort() }));
}

/** The operator's way out for held rows on MySQL (see outbox/held-rows.ts), in one transaction. */
export async function resolveMysqlHeldRows(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  provider: string,
  currentTenantId: string,
  action: HeldAction,
  now: Date,
): Promise<number> {
  checkTenant('resolveHeld', provider, currentTenantId);
  if (!HELD_ACTIONS.includes(action)) throw new TypeError('resolveHeld: `action` must be readdress or drop');
  const { outbox, syncState } = tables;
  const held = sql`provider = ${provider} AND status = 'pending' AND NOT (tenant_id <=> ${currentTenantId})
    AND (lease_expires_at IS NULL OR lease_expires_at <= ${now})`;

  if (action === 'readdress') {
    const result = await sql`UPDATE ${outbox} SET tenant_id = ${currentTenantId} WHERE ${held}`.execute(executor);
    return Number(result.numAffectedRows ?? 0n);
  }

  return inMysqlTransaction(executor, async (trx) => {
    const entities = await sql<{ entity_type: string; entity_ref: unknown }>`
      SELECT DISTINCT entity_type, entity_ref FROM ${outbox} WHERE ${held} AND entity_ref IS NOT NULL FOR UPDATE
    `.execute(trx);
    const dropped = await sql`DELETE FROM ${outbox} WHERE ${held}`.execute(trx);
    if (entities.rows.length > 0) {
      // A mirror row stays while the current tenant still has a pending row for its entity.
      const keys = sql.join(entities.rows.map((e) => sql`(${e.entity_type}, ${toNumber(e.entity_ref)})`));
      await sql`
        DELETE FROM ${syncState}
        WHERE provider = ${provider} AND sync_status = 'pending' AND (entity_type, magento_id) IN (${keys})
          AND NOT EXISTS (
            SELECT 1 FROM ${outbox} o
            WHERE o.status = 'pending' AND o.provider = ${provider} AND o.tenant_id = ${currentTenantId}
              AND o.entity_type = ${syncState}.entity_type AND o.entity_ref = ${syncState}.magento_id
          )
      `.execute(trx);
    }
    return Number(dropped.numAffectedRows ?? 0n);
  });
}
