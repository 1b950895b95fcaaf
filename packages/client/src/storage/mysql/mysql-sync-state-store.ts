import {
  type EntityType,
  type HostTransaction,
  SYNC_MESSAGE_MAX_LENGTH,
  SYNC_STATUSES,
  type SyncStateQuery,
  type SyncStateRecord,
  type SyncStateStore,
  TERMINAL_SYNC_STATUSES,
  type TerminalSyncUpdate,
} from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import { toNumber } from '../sql-values.js';
import type { StoreContext } from '../store-context.js';
import { ORDER_BY, checkDetail, checkKey, toRecord } from '../sync-state-store.js';
import { inMysqlTransaction, mysqlExecutorOf } from './mysql-executor.js';

/** The sync-state mirror (wire-contract §9) on MySQL; the same rules as sync-state-store.ts. */
export class MysqlSyncStateStore implements SyncStateStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async markPending(entityType: EntityType, entityId: number, provider: string, options?: { transaction?: HostTransaction }): Promise<void> {
    checkKey('markPending', entityType, entityId, provider);
    const executor = mysqlExecutorOf(this.#context, options?.transaction);
    // An existing row keeps its status: only the timestamp moves (§9.3 writer 1).
    await sql`
      INSERT INTO ${this.#context.tables.syncState} (entity_type, magento_id, provider, sync_status, last_sync_at)
      VALUES (${entityType}, ${entityId}, ${provider}, 'pending', ${this.#context.clock.now()})
      ON DUPLICATE KEY UPDATE last_sync_at = VALUES(last_sync_at)
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
    const { tables } = this.#context;
    // Always overwrites, nulls included (§9.3 writer 2); read back inside the transaction that holds the row:
    // the caller's when given (direct mode commits it with the entity cross-reference), else one of its own.
    return inMysqlTransaction(mysqlExecutorOf(this.#context, options?.transaction), async (trx) => {
      await sql`
        INSERT INTO ${tables.syncState}
          (entity_type, magento_id, provider, sync_status, provider_entity_id, provider_reference, skip_reason, error_code, message, last_sync_at)
        VALUES (${update.entityType}, ${update.entityId}, ${update.provider}, ${update.status}, ${update.providerEntityId},
          ${update.providerReference}, ${update.skipReason}, ${update.errorCode}, ${message}, ${update.lastSyncAt})
        ON DUPLICATE KEY UPDATE
          sync_status = VALUES(sync_status), provider_entity_id = VALUES(provider_entity_id),
          provider_reference = VALUES(provider_reference), skip_reason = VALUES(skip_reason),
          error_code = VALUES(error_code), message = VALUES(message), last_sync_at = VALUES(last_sync_at)
      `.execute(trx);
      const row = await this.#lockedRow(trx, update.entityType, update.entityId, update.provider);
      return toRecord(row!);
    });
  }

  async resetToPending(entityType: EntityType, entityId: number, provider: string): Promise<SyncStateRecord | null> {
    checkKey('resetToPending', entityType, entityId, provider);
    const { db, tables, clock } = this.#context;
    // The old row is read under the row lock the write keeps, so no callback slips between read and write.
    return inMysqlTransaction(db, async (trx) => {
      const old = await this.#lockedRow(trx, entityType, entityId, provider);
      await sql`
        INSERT INTO ${tables.syncState} (entity_type, magento_id, provider, sync_status, last_sync_at)
        VALUES (${entityType}, ${entityId}, ${provider}, 'pending', ${clock.now()})
        ON DUPLICATE KEY UPDATE
          sync_status = 'pending', skip_reason = NULL, error_code = NULL, message = NULL, last_sync_at = VALUES(last_sync_at)
      `.execute(trx);
      return old ? toRecord(old) : null;
    });
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
        message = ${previous.message}, last_sync_at = ${previous.lastSyncAt}
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
      WHERE entity_type = ${entityType} AND provider = ${provider} AND magento_id IN (${sql.join(entityIds)})
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

  async #lockedRow(trx: QueryExecutorProvider, entityType: EntityType, entityId: number, provider: string) {
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#context.tables.syncState}
      WHERE entity_type = ${entityType} AND magento_id = ${entityId} AND provider = ${provider} FOR UPDATE
    `.execute(trx);
    return result.rows[0] ?? null;
  }
}
