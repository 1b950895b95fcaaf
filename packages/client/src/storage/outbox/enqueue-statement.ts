import type { OutboxEventInput } from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Byte8Tables } from '../byte8-tables.js';
import { toNumberOrNull } from '../sql-values.js';
import { enqueueInput, type TenantSource } from './enqueue-input.js';

/** What the statement decided for one input event. */
export interface EnqueueDecision {
  readonly index: number;
  readonly action: 'insert' | 'version' | 'coalesced' | 'duplicate';
  /** The row written, absorbing or already holding the event; null when a racing insert won. */
  readonly id: number | null;
  readonly idempotencyKey: string;
}

/**
 * One round trip for a batch: decides per event (insert, versioned insert,
 * coalesce, duplicate), upserts the pending mirror rows (bumping the
 * per-entity version counter), inserts the outbox rows and returns the ids.
 *
 * Callers dedupe the batch first: the statement cannot see its own inserts.
 */
export async function runEnqueueStatement(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  events: ReadonlyArray<{ readonly index: number; readonly event: OutboxEventInput }>,
  now: Date,
  tenantSource: TenantSource,
): Promise<EnqueueDecision[]> {
  const { outbox, syncState } = tables;
  const result = await sql<Record<string, unknown>>`
    WITH input AS (${enqueueInput(tables, events, tenantSource)}),
    decided AS (
      SELECT i.*, pend.entity_id AS pending_id, pend.idempotency_key AS pending_key, plain.entity_id AS plain_id,
        CASE WHEN pend.entity_id IS NOT NULL THEN 'coalesced'
             WHEN plain.entity_id IS NULL THEN 'insert'
             WHEN i.upsert THEN 'version'
             ELSE 'duplicate' END AS action
      FROM input i
      LEFT JOIN LATERAL (
        SELECT o.entity_id, o.idempotency_key FROM ${outbox} o
        WHERE i.upsert AND o.status = 'pending' AND o.provider = i.provider AND o.entity_type = i.entity_type
          AND o.entity_ref = i.entity_ref AND o.event_name = i.event_name AND o.tenant_id IS NOT DISTINCT FROM i.tenant_id
        ORDER BY o.entity_id LIMIT 1
      ) pend ON true
      LEFT JOIN ${outbox} plain ON plain.provider = i.provider AND plain.idempotency_key = i.idem_key
    ),
    mirror_in AS (
      SELECT entity_type, entity_ref, provider, (count(*) FILTER (WHERE action = 'version'))::int AS bumps
      FROM decided WHERE entity_ref IS NOT NULL
      GROUP BY entity_type, entity_ref, provider
    ),
    mirror AS (
      INSERT INTO ${syncState} AS s (entity_type, magento_id, provider, sync_status, last_sync_at, upsert_version)
      SELECT entity_type, entity_ref, provider, 'pending', ${now}::timestamptz, 1 + bumps FROM mirror_in
      ON CONFLICT (entity_type, magento_id, provider) DO UPDATE
        SET last_sync_at = excluded.last_sync_at, upsert_version = s.upsert_version + excluded.upsert_version - 1
      RETURNING s.entity_type, s.magento_id, s.provider, s.upsert_version
    ),
    to_insert AS (
      SELECT d.idx, d.provider, d.tenant_id, d.event_name, d.payload, d.entity_type, d.entity_ref,
        CASE WHEN d.action = 'version'
          THEN d.idem_key || ':v' || (m.upsert_version - mi.bumps
            + row_number() OVER (PARTITION BY d.provider, d.entity_type, d.entity_ref, d.action ORDER BY d.idx))::text
          ELSE d.idem_key END AS final_key
      FROM decided d
      LEFT JOIN mirror m ON d.action = 'version' AND m.entity_type = d.entity_type AND m.magento_id = d.entity_ref AND m.provider = d.provider
      LEFT JOIN mirror_in mi ON d.action = 'version' AND mi.entity_type = d.entity_type AND mi.entity_ref = d.entity_ref AND mi.provider = d.provider
      WHERE d.action IN ('insert', 'version')
    ),
    inserted AS (
      INSERT INTO ${outbox} (provider, tenant_id, idempotency_key, event_name, payload, entity_type, entity_ref, created_at)
      SELECT provider, tenant_id, final_key, event_name, payload, entity_type, entity_ref, ${now}::timestamptz
      FROM to_insert ORDER BY idx
      ON CONFLICT (provider, idempotency_key) DO NOTHING
      RETURNING entity_id, provider, idempotency_key
    )
    SELECT d.idx, d.action, d.idem_key, d.pending_id, d.pending_key, d.plain_id, t.final_key, ins.entity_id AS inserted_id
    FROM decided d
    LEFT JOIN to_insert t ON t.idx = d.idx
    LEFT JOIN inserted ins ON ins.provider = t.provider AND ins.idempotency_key = t.final_key
  `.execute(executor);

  return result.rows.map((row) => {
    const action = row.action as EnqueueDecision['action'];
    const index = Number(row.idx);
    if (action === 'coalesced') {
      return { index, action, id: toNumberOrNull(row.pending_id), idempotencyKey: String(row.pending_key) };
    }
    if (action === 'duplicate') {
      return { index, action, id: toNumberOrNull(row.plain_id), idempotencyKey: String(row.idem_key) };
    }
    return { index, action, id: toNumberOrNull(row.inserted_id), idempotencyKey: String(row.final_key) };
  });
}
