import type { EntityRefStore, HostTransaction } from '@byte8/core';
import { sql } from 'kysely';
import { checkKind } from '../entity-ref-store.js';
import type { StoreContext } from '../store-context.js';
import { mysqlExecutorOf } from './mysql-executor.js';

/** Stable integer wire ids for string host ids on MySQL: the auto-increment id of the `(kind, host_id)` row. */
export class MysqlEntityRefStore implements EntityRefStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async aliasOf(kind: string, hostId: string, options?: { transaction?: HostTransaction }): Promise<number> {
    checkKind('aliasOf', kind);
    if (typeof hostId !== 'string' || hostId.length === 0 || hostId.length > 255) {
      throw new TypeError('aliasOf: `hostId` must be a string of 1 to 255 characters');
    }
    const executor = mysqlExecutorOf(this.#context, options?.transaction);
    // LAST_INSERT_ID(id) on a duplicate hands back the existing row's id, so one statement serves
    // both the first use and every later one; a concurrent first use waits on the key, then reads it.
    const result = await sql`
      INSERT INTO ${this.#context.tables.entityRef} (kind, host_id) VALUES (${kind}, ${hostId})
      ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)
    `.execute(executor);
    if (result.insertId === undefined) throw new Error(`aliasOf: could not create an alias for ${kind}`);
    return Number(result.insertId);
  }

  async hostIdOf(kind: string, wireId: number): Promise<string | null> {
    checkKind('hostIdOf', kind);
    if (!Number.isSafeInteger(wireId) || wireId < 1) return null;
    const result = await sql<{ host_id: string }>`
      SELECT host_id FROM ${this.#context.tables.entityRef} WHERE id = ${wireId} AND kind = ${kind}
    `.execute(this.#context.db);
    return result.rows[0]?.host_id ?? null;
  }
}
