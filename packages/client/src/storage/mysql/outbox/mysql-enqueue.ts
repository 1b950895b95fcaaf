import type { EnqueueResult, OutboxEventInput } from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { Byte8Tables } from '../../byte8-tables.js';
import { validateOutboxEvent } from '../../outbox/validate-event.js';
import { toNumber } from '../../sql-values.js';
import { inMysqlTransaction } from '../mysql-executor.js';

// A versioned key that is taken already means a counter out of step; a few tries resolve it, more is a bug.
const MAX_VERSION_TRIES = 5;

type Row = Record<string, unknown>;

/**
 * Inserts one outbox row unless its key exists. `ON DUPLICATE KEY UPDATE`
 * rather than a read first: a locking read of a missing key takes a gap lock,
 * and two enqueues into the same gap would deadlock on their inserts. A
 * duplicate waits for an uncommitted holder of the key, then reports no id.
 */
async function insertRow(executor: QueryExecutorProvider, tables: Byte8Tables, event: OutboxEventInput, key: string, now: Date): Promise<number | null> {
  const result = await sql`
    INSERT INTO ${tables.outbox} (provider, tenant_id, idempotency_key, event_name, payload, entity_type, entity_ref, created_at)
    VALUES (${event.provider}, ${event.tenantId}, ${key}, ${event.eventName}, ${event.body}, ${event.entityType}, ${event.entityId}, ${now})
    ON DUPLICATE KEY UPDATE entity_id = entity_id
  `.execute(executor);
  return result.insertId === undefined ? null : Number(result.insertId);
}

/** The row holding a key; a locking read, so it sees the latest commit whatever the host's isolation. */
async function rowByKey(executor: QueryExecutorProvider, tables: Byte8Tables, provider: string, key: string): Promise<Row> {
  const result = await sql<Row>`
    SELECT entity_id, status, tenant_id, entity_type, entity_ref, event_name FROM ${tables.outbox}
    WHERE provider = ${provider} AND idempotency_key = ${key} FOR UPDATE
  `.execute(executor);
  if (!result.rows[0]) throw new Error(`enqueue: key ${key} was reported taken but cannot be read`);
  return result.rows[0];
}

/** Moves the pending mirror row's timestamp (creating it pending), bumping the upsert version when asked. */
async function touchMirror(executor: QueryExecutorProvider, tables: Byte8Tables, event: OutboxEventInput, now: Date, bump: boolean): Promise<number> {
  await sql`
    INSERT INTO ${tables.syncState} (entity_type, magento_id, provider, sync_status, last_sync_at, upsert_version)
    VALUES (${event.entityType}, ${event.entityId}, ${event.provider}, 'pending', ${now}, ${bump ? 2 : 1})
    ON DUPLICATE KEY UPDATE last_sync_at = VALUES(last_sync_at)
      ${bump ? sql`, upsert_version = upsert_version + 1` : sql``}
  `.execute(executor);
  if (!bump) return 1;
  const result = await sql<{ upsert_version: unknown }>`
    SELECT upsert_version FROM ${tables.syncState}
    WHERE entity_type = ${event.entityType} AND magento_id = ${event.entityId} AND provider = ${event.provider} FOR UPDATE
  `.execute(executor);
  return toNumber(result.rows[0]!.upsert_version);
}

function samePending(row: Row, event: OutboxEventInput): boolean {
  return (
    row.status === 'pending' &&
    row.event_name === event.eventName &&
    row.entity_type === event.entityType &&
    Number(row.entity_ref) === event.entityId &&
    (row.tenant_id ?? null) === event.tenantId
  );
}

async function enqueueOne(executor: QueryExecutorProvider, tables: Byte8Tables, event: OutboxEventInput, now: Date): Promise<EnqueueResult> {
  const touch = () => (event.entityId === null ? Promise.resolve(1) : touchMirror(executor, tables, event, now, false));
  if (event.upsert) {
    // An upsert folds into the entity's pending row of the same event: one delivery covers both.
    const pending = await sql<Row>`
      SELECT entity_id, idempotency_key FROM ${tables.outbox}
      WHERE status = 'pending' AND provider = ${event.provider} AND entity_type = ${event.entityType}
        AND entity_ref = ${event.entityId} AND event_name = ${event.eventName} AND tenant_id <=> ${event.tenantId}
      ORDER BY entity_id LIMIT 1
    `.execute(executor);
    const found = pending.rows[0];
    if (found) {
      await touch();
      return { outcome: 'coalesced', idempotencyKey: String(found.idempotency_key), id: toNumber(found.entity_id) };
    }
  }
  const id = await insertRow(executor, tables, event, event.idempotencyKey, now);
  if (id !== null) {
    await touch();
    return { outcome: 'inserted', idempotencyKey: event.idempotencyKey, id };
  }
  const existing = await rowByKey(executor, tables, event.provider, event.idempotencyKey);
  if (!event.upsert) {
    await touch();
    return { outcome: 'duplicate', idempotencyKey: event.idempotencyKey, id: toNumber(existing.entity_id) };
  }
  // A concurrent upsert of the same entity committed its pending row after this one looked.
  if (samePending(existing, event)) {
    await touch();
    return { outcome: 'coalesced', idempotencyKey: event.idempotencyKey, id: toNumber(existing.entity_id) };
  }
  // The plain key was sent already: a new version of the entity goes out under `{key}:v{n}`.
  for (let attempt = 0; attempt < MAX_VERSION_TRIES; attempt++) {
    const version = await touchMirror(executor, tables, event, now, true);
    const key = `${event.idempotencyKey}:v${version}`;
    const versionId = await insertRow(executor, tables, event, key, now);
    if (versionId !== null) return { outcome: 'inserted', idempotencyKey: key, id: versionId };
  }
  throw new Error(`enqueue: no free version of ${event.idempotencyKey} after ${MAX_VERSION_TRIES} tries`);
}

/**
 * Enqueues a batch on MySQL inside one transaction (the host's when given):
 * one event after another, so a later event of the batch sees the rows of
 * the earlier ones and dedupes or coalesces against them, as on PostgreSQL.
 */
export async function enqueueMysqlEvents(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  events: readonly OutboxEventInput[],
  now: Date,
): Promise<EnqueueResult[]> {
  if (!Array.isArray(events)) throw new TypeError('enqueue: `events` must be an array');
  events.forEach(validateOutboxEvent);
  if (events.length === 0) return [];
  return inMysqlTransaction(executor, async (trx) => {
    const results: EnqueueResult[] = [];
    for (const event of events) results.push(await enqueueOne(trx, tables, event, now));
    return results;
  });
}
