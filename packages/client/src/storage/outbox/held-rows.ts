import type { CurrentTenant, HeldAction, HeldCount } from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import { OUTBOX_CHANNEL, type Byte8Tables } from '../byte8-tables.js';
import { toNumber } from '../sql-values.js';

const HELD_ACTIONS: readonly HeldAction[] = ['readdress', 'drop'];

function checkTenant(method: string, provider: unknown, tenantId: unknown): void {
  if (typeof provider !== 'string' || provider.length === 0 || provider.length > 32) {
    throw new TypeError(`${method}: \`provider\` must be a string of 1 to 32 characters`);
  }
  if (typeof tenantId !== 'string' || tenantId.length === 0 || tenantId.length > 64) {
    throw new TypeError(`${method}: \`tenantId\` must be a string of 1 to 64 characters`);
  }
}

/**
 * Held rows per provider: pending, and enqueued for a tenant other than the
 * one the provider is paired with now (design §5). The claim never takes
 * them, so without this count they would wait unseen forever.
 */
export async function countHeld(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  current: readonly CurrentTenant[],
): Promise<HeldCount[]> {
  if (!Array.isArray(current)) throw new TypeError('heldCounts: `current` must be an array of { provider, tenantId }');
  for (const c of current) checkTenant('heldCounts', c?.provider, c?.tenantId);
  if (current.length === 0) return [];
  const result = await sql<{ provider: string; count: unknown; tenants: string[] | null }>`
    SELECT o.provider, count(*) AS count,
      array_agg(DISTINCT o.tenant_id) FILTER (WHERE o.tenant_id IS NOT NULL) AS tenants
    FROM ${tables.outbox} o
    JOIN unnest(${current.map((c) => c.provider)}::text[], ${current.map((c) => c.tenantId)}::text[]) AS cur(provider, tenant_id)
      ON cur.provider = o.provider
    WHERE o.status = 'pending' AND o.tenant_id IS DISTINCT FROM cur.tenant_id
    GROUP BY o.provider ORDER BY o.provider
  `.execute(executor);
  return result.rows.map((row) => ({ provider: row.provider, count: toNumber(row.count), tenants: [...(row.tenants ?? [])].sort() }));
}

/**
 * The operator's way out for held rows. Rows leased right now are being sent
 * to the tenant they were enqueued for by a pass that started before the
 * re-pair; they are left to finish (and are held again if that fails).
 */
export async function resolveHeldRows(
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
  const held = sql`provider = ${provider} AND status = 'pending' AND tenant_id IS DISTINCT FROM ${currentTenantId}
    AND (lease_expires_at IS NULL OR lease_expires_at <= ${now}::timestamptz)`;

  if (action === 'readdress') {
    const result = await sql`UPDATE ${outbox} SET tenant_id = ${currentTenantId} WHERE ${held}`.execute(executor);
    const changed = Number(result.numAffectedRows ?? 0n);
    // Updates do not fire the insert trigger; wake workers for the rows that became deliverable.
    if (changed > 0) await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(executor);
    return changed;
  }

  // One statement sees one snapshot: the pending rows that survive the drop are the current tenant's.
  const result = await sql<{ dropped: unknown }>`
    WITH dropped AS (
      DELETE FROM ${outbox} WHERE ${held} RETURNING entity_type, entity_ref
    ),
    orphaned AS (
      DELETE FROM ${syncState} s
      USING (SELECT DISTINCT entity_type, entity_ref FROM dropped WHERE entity_ref IS NOT NULL) d
      WHERE s.provider = ${provider} AND s.entity_type = d.entity_type AND s.magento_id = d.entity_ref
        AND s.sync_status = 'pending'
        AND NOT EXISTS (
          SELECT 1 FROM ${outbox} o
          WHERE o.status = 'pending' AND o.provider = ${provider} AND o.tenant_id = ${currentTenantId}
            AND o.entity_type = d.entity_type AND o.entity_ref = d.entity_ref
        )
    )
    SELECT count(*) AS dropped FROM dropped
  `.execute(executor);
  return toNumber(result.rows[0]?.dropped ?? 0);
}
