import type { EntityRefStore, HostTransaction } from '@byte8/core';
import { sql } from 'kysely';
import { toNumber } from './sql-values.js';
import { type StoreContext, executorOf } from './store-context.js';

export function checkKind(method: string, kind: unknown): void {
  if (typeof kind !== 'string' || kind.length === 0 || kind.length > 32) {
    throw new TypeError(`${method}: \`kind\` must be a string of 1 to 32 characters`);
  }
}

/**
 * Stable integer wire ids for string host ids (design §6): the bigserial id
 * of the `(kind, host_id)` row, created on first use.
 */
export class KyselyEntityRefStore implements EntityRefStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async aliasOf(kind: string, hostId: string, options?: { transaction?: HostTransaction }): Promise<number> {
    checkKind('aliasOf', kind);
    if (typeof hostId !== 'string' || hostId.length === 0 || hostId.length > 255) {
      throw new TypeError('aliasOf: `hostId` must be a string of 1 to 255 characters');
    }
    const executor = executorOf(this.#context, options?.transaction);
    const table = this.#context.tables.entityRef;
    const inserted = await sql<{ id: unknown }>`
      WITH ins AS (
        INSERT INTO ${table} (kind, host_id) VALUES (${kind}, ${hostId})
        ON CONFLICT (kind, host_id) DO NOTHING RETURNING id
      )
      SELECT id FROM ins UNION ALL SELECT id FROM ${table} WHERE kind = ${kind} AND host_id = ${hostId}
    `.execute(executor);
    if (inserted.rows[0]) return toNumber(inserted.rows[0].id);
    // A concurrent first use committed after this statement's snapshot: a fresh one sees it.
    const existing = await sql<{ id: unknown }>`
      SELECT id FROM ${table} WHERE kind = ${kind} AND host_id = ${hostId}
    `.execute(executor);
    if (!existing.rows[0]) throw new Error(`aliasOf: could not create an alias for ${kind}`);
    return toNumber(existing.rows[0].id);
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
