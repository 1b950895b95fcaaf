import type { OutboxEventInput } from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Byte8Tables } from '../byte8-tables.js';
import { toNumberOrNull } from '../sql-values.js';
import type { EnqueueDecision } from './enqueue-statement.js';
import { enqueueInput, type TenantSource } from './enqueue-input.js';

/**
 * The enqueue statement for batches without upserts: the common path, kept
 * as small as possible because planning dominates a one-row enqueue. Inserts
 * the outbox rows (dedupe on the unique key) and the pending mirror rows, and
 * reads the id of a row that already held a key from the statement's snapshot.
 */
export async function runPlainEnqueueStatement(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  events: ReadonlyArray<{ readonly index: number; readonly event: OutboxEventInput }>,
  now: Date,
  tenantSource: TenantSource,
): Promise<EnqueueDecision[]> {
  const { outbox, syncState } = tables;
  const result = await sql<Record<string, unknown>>`
    WITH input AS (${enqueueInput(tables, events, tenantSource)}),
    inserted AS (
      INSERT INTO ${outbox} (provider, tenant_id, idempotency_key, event_name, payload, entity_type, entity_ref, created_at)
      SELECT provider, tenant_id, idem_key, event_name, payload, entity_type, entity_ref, ${now}::timestamptz
      FROM input ORDER BY idx
      ON CONFLICT (provider, idempotency_key) DO NOTHING
      RETURNING entity_id, provider, idempotency_key
    ),
    mirror AS (
      INSERT INTO ${syncState} (entity_type, magento_id, provider, sync_status, last_sync_at)
      SELECT DISTINCT entity_type, entity_ref, provider, 'pending', ${now}::timestamptz FROM input WHERE entity_ref IS NOT NULL
      ON CONFLICT (entity_type, magento_id, provider) DO UPDATE SET last_sync_at = excluded.last_sync_at
    )
    SELECT i.idx, i.idem_key, ins.entity_id AS inserted_id, plain.entity_id AS existing_id
    FROM input i
    LEFT JOIN inserted ins ON ins.provider = i.provider AND ins.idempotency_key = i.idem_key
    LEFT JOIN ${outbox} plain ON plain.provider = i.provider AND plain.idempotency_key = i.idem_key
  `.execute(executor);

  return result.rows.map((row) => {
    const insertedId = toNumberOrNull(row.inserted_id);
    const existingId = toNumberOrNull(row.existing_id);
    const index = Number(row.idx);
    const idempotencyKey = String(row.idem_key);
    if (insertedId !== null) return { index, action: 'insert', id: insertedId, idempotencyKey };
    // Neither inserted nor visible: a concurrent enqueue holds the key; the caller retries to read it.
    if (existingId === null) return { index, action: 'insert', id: null, idempotencyKey };
    return { index, action: 'duplicate', id: existingId, idempotencyKey };
  });
}
