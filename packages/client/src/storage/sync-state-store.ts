import {
  ENTITY_TYPES,
  type EntityType,
  type HostTransaction,
  SYNC_MESSAGE_MAX_LENGTH,
  SYNC_STATUSES,
  type SyncStateQuery,
  type SyncStateRecord,
  type SyncStateStore,
  type SyncStatus,
  TERMINAL_SYNC_STATUSES,
  type TerminalSyncUpdate,
} from '@byte8/core';
import { sql } from 'kysely';
import { toDate, toNumber, toStringOrNull } from './sql-values.js';
import { type StoreContext, executorOf } from './store-context.js';

export const ORDER_BY = {
  last_sync_at_desc: sql`last_sync_at DESC, magento_id DESC`,
  last_sync_at_asc: sql`last_sync_at ASC, magento_id ASC`,
  entity_id_desc: sql`magento_id DESC`,
  entity_id_asc: sql`magento_id ASC`,
  // Problems first: a bookkeeper sorts by status to find what needs attention.
  status_asc: sql`CASE sync_status WHEN 'failed' THEN 0 WHEN 'skipped' THEN 1 WHEN 'pending' THEN 2 ELSE 3 END ASC, last_sync_at DESC, magento_id DESC`,
  status_desc: sql`CASE sync_status WHEN 'failed' THEN 0 WHEN 'skipped' THEN 1 WHEN 'pending' THEN 2 ELSE 3 END DESC, last_sync_at DESC, magento_id DESC`,
} as const;

export function toRecord(row: Record<string, unknown>): SyncStateRecord {
  return {
    entityType: String(row.entity_type) as EntityType,
    entityId: toNumber(row.magento_id),
    provider: String(row.provider),
    status: String(row.sync_status) as SyncStatus,
    providerEntityId: toStringOrNull(row.provider_entity_id),
    providerReference: toStringOrNull(row.provider_reference),
    skipReason: toStringOrNull(row.skip_reason),
    errorCode: toStringOrNull(row.error_code),
    message: toStringOrNull(row.message),
    lastSyncAt: toDate(row.last_sync_at),
  };
}

export function checkKey(method: string, entityType: unknown, entityId: unknown, provider: unknown): void {
  if (!(ENTITY_TYPES as readonly unknown[]).includes(entityType)) {
    throw new TypeError(`${method}: \`entityType\` must be one of ${ENTITY_TYPES.join(', ')}`);
  }
  if (!Number.isSafeInteger(entityId) || (entityId as number) < 1) throw new TypeError(`${method}: \`entityId\` must be a positive integer`);
  if (typeof provider !== 'string' || provider.length === 0 || provider.length > 32) {
    throw new TypeError(`${method}: \`provider\` must be a string of 1 to 32 characters`);
  }
}

export function checkDetail(name: string, value: unknown, max = 64): void {
  if (value !== null && (typeof value !== 'string' || value.length > max)) {
    throw new TypeError(`upsertTerminal: \`${name}\` must be null or a string of at most ${max} characters`);
  }
}

/** The sync-state mirror (wire-contract §9) over kysely. */
export class KyselySyncStateStore implements SyncStateStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async markPending(entityType: EntityType, entityId: number, provider: string, options?: { transaction?: HostTransaction }): Promise<void> {
    checkKey('markPending', entityType, entityId, provider);
    const executor = executorOf(this.#context, options?.transaction);
    // An existing row keeps its status: only the timestamp moves (§9.3 writer 1).
    await sql`
      INSERT INTO ${this.#context.tables.syncState} (entity_type, magento_id, provider, sync_status, last_sync_at)
      VALUES (${entityType}, ${entityId}, ${provider}, 'pending', ${this.#context.clock.now()}::timestamptz)
      ON CONFLICT (entity_type, magento_id, provider) DO UPDATE SET last_sync_at = excluded.last_sync_at
    `.execute(executor);
  }

  async upsertTerminal(update: TerminalSyncUpdate, options?: { transaction?: HostTransaction }): Promise<SyncStateRecord> {
    checkKey('upsertTerminal', update.entityType, update.entityId, update.provider);
    if (!(TERMINAL_SYNC_STATUSES as readonly unknown[]).includes(update.status)) {
      throw new TypeError(`upsertTerminal: \`status\` must be one of ${TERMINAL_SYNC_STATUSES.join(', ')}`);
    }
    checkDetail('providerEntityId', update.providerEntityId);
    checkDetail('providerReference', update.providerReference);
    checkDetail('skipReason', update.skipReason);
    checkDetail('errorCode', update.errorCode);
    const message = update.message ?? null;
    checkDetail('message', message, SYNC_MESSAGE_MAX_LENGTH);
    if (!(update.lastSyncAt instanceof Date) || Number.isNaN(update.lastSyncAt.getTime())) {
      throw new TypeError('upsertTerminal: `lastSyncAt` must be a valid Date');
    }
    // Always overwrites, nulls included (§9.3 writer 2).
    const result = await sql<Record<string, unknown>>`
      INSERT INTO ${this.#context.tables.syncState} AS s
        (entity_type, magento_id, provider, sync_status, provider_entity_id, provider_reference, skip_reason, error_code, message, last_sync_at)
      VALUES (${update.entityType}, ${update.entityId}, ${update.provider}, ${update.status}, ${update.providerEntityId},
        ${update.providerReference}, ${update.skipReason}, ${update.errorCode}, ${message}, ${update.lastSyncAt}::timestamptz)
      ON CONFLICT (entity_type, magento_id, provider) DO UPDATE SET
        sync_status = excluded.sync_status, provider_entity_id = excluded.provider_entity_id,
        provider_reference = excluded.provider_reference, skip_reason = excluded.skip_reason,
        error_code = excluded.error_code, message = excluded.message, last_sync_at = excluded.last_sync_at
      RETURNING s.*
    `.execute(executorOf(this.#context, options?.transaction));
    return toRecord(result.rows[0]!);
  }

  async resetToPending(entityType: EntityType, entityId: number, provider: string): Promise<SyncStateRecord | null> {
    checkKey('resetToPending', entityType, entityId, provider);
    const { db, tables, clock } = this.#context;
    // The old row comes back from the same statement, so a concurrent callback cannot slip between read and write.
    const result = await sql<Record<string, unknown>>`
      WITH old AS (
        SELECT * FROM ${tables.syncState} WHERE entity_type = ${entityType} AND magento_id = ${entityId} AND provider = ${provider} FOR UPDATE
      ), written AS (
        INSERT INTO ${tables.syncState} AS s (entity_type, magento_id, provider, sync_status, last_sync_at)
        VALUES (${entityType}, ${entityId}, ${provider}, 'pending', ${clock.now()}::timestamptz)
        ON CONFLICT (entity_type, magento_id, provider) DO UPDATE SET
          sync_status = 'pending', skip_reason = NULL, error_code = NULL, message = NULL, last_sync_at = excluded.last_sync_at
        RETURNING s.entity_id
      )
      SELECT old.* FROM old, written
    `.execute(db);
    const row = result.rows[0];
    return row ? toRecord(row) : null;
  }

  async restore(entityType: EntityType, entityId: number, provider: string, previous: SyncStateRecord | null): Promise<void> {
    checkKey('restore', entityType, entityId, provider);
    const { db, tables } = this.#context;
    if (previous === null) {
      await sql`DELETE FROM ${tables.syncState} WHERE entity_type = ${entityType} AND magento_id = ${entityId} AND provider = ${provider}`.execute(db);
      return;
    }
    await sql`
      UPDATE ${tables.syncState} SET sync_status = ${previous.status}, provider_entity_id = ${previous.providerEntityId},
        provider_reference = ${previous.providerReference}, skip_reason = ${previous.skipReason}, error_code = ${previous.errorCode},
        message = ${previous.message}, last_sync_at = ${previous.lastSyncAt}::timestamptz
      WHERE entity_type = ${entityType} AND magento_id = ${entityId} AND provider = ${provider}
    `.execute(db);
  }

  async find(entityType: EntityType, entityId: number, provider: string): Promise<SyncStateRecord | null> {
    const rows = await this.findMany(entityType, [entityId], provider);
    return rows[0] ?? null;
  }

  async findMany(entityType: EntityType, entityIds: readonly number[], provider: string): Promise<SyncStateRecord[]> {
    for (const id of entityIds) checkKey('findMany', entityType, id, provider);
    if (entityIds.length === 0) return [];
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#context.tables.syncState}
      WHERE entity_type = ${entityType} AND provider = ${provider} AND magento_id = ANY(${entityIds}::bigint[])
      ORDER BY magento_id
    `.execute(this.#context.db);
    return result.rows.map(toRecord);
  }

  async list(query: SyncStateQuery): Promise<{ rows: SyncStateRecord[]; total: number }> {
    checkKey('list', query.entityType, 1, query.provider);
    if (query.status !== undefined && !(SYNC_STATUSES as readonly unknown[]).includes(query.status)) {
      throw new TypeError(`list: \`status\` must be one of ${SYNC_STATUSES.join(', ')}`);
    }
    const order = ORDER_BY[query.sort ?? 'last_sync_at_desc'];
    if (!order) throw new TypeError(`list: \`sort\` must be one of ${Object.keys(ORDER_BY).join(', ')}`);
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new TypeError('list: `limit` must be a positive integer');
    if (!Number.isSafeInteger(offset) || offset < 0) throw new TypeError('list: `offset` must be a non-negative integer');
    const where = sql`WHERE entity_type = ${query.entityType} AND provider = ${query.provider}
      ${query.status === undefined ? sql`` : sql`AND sync_status = ${query.status}`}`;
    const { db, tables } = this.#context;
    const rows = await sql<Record<string, unknown>>`
      SELECT * FROM ${tables.syncState} ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}
    `.execute(db);
    const total = await sql<{ total: unknown }>`SELECT count(*) AS total FROM ${tables.syncState} ${where}`.execute(db);
    return { rows: rows.rows.map(toRecord), total: toNumber(total.rows[0]?.total ?? 0) };
  }
}
