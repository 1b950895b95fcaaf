import type { EntityXref, EntityXrefStore, HostTransaction, XrefResolution, XrefScope } from '@byte8/core';
import { type QueryExecutorProvider, type RawBuilder, sql } from 'kysely';
import { checkKey, text, toXref } from '../../entity-xref/entity-xref-store.js';
import type { StoreContext } from '../../store-context.js';
import { inMysqlTransaction, mysqlExecutorOf } from '../mysql-executor.js';
import { mysqlXrefTable } from './mysql-xref-table.js';

const ER_DUP_ENTRY = 1062;

function checkMark(method: string, name: string, value: unknown): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`${method}: \`${name}\` must be a valid Date`);
}

/** The direct mode's entity cross-reference (migration 0008) on MySQL; the same rules as entity-xref-store.ts. */
export class MysqlEntityXrefStore implements EntityXrefStore {
  readonly #context: StoreContext;
  readonly #table: RawBuilder<unknown>;

  constructor(context: StoreContext, tablePrefix: string) {
    this.#context = context;
    this.#table = mysqlXrefTable(tablePrefix);
  }

  #key(scope: XrefScope, kind: string, hostKey: string) {
    return sql`provider = ${scope.provider} AND account_id = ${scope.accountId} AND kind = ${kind} AND host_key = ${hostKey}`;
  }

  async find(scope: XrefScope, kind: string, hostKey: string, options?: { transaction?: HostTransaction }): Promise<EntityXref | null> {
    checkKey('find', scope, kind, hostKey);
    return this.#read(mysqlExecutorOf(this.#context, options?.transaction), scope, kind, hostKey, false);
  }

  async listByPrefix(scope: XrefScope, kind: string, hostKeyPrefix: string): Promise<EntityXref[]> {
    checkKey('listByPrefix', scope, kind, hostKeyPrefix);
    // A prefix match without LIKE: no escaping of `%` or `_` in host keys needed.
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#table}
      WHERE provider = ${scope.provider} AND account_id = ${scope.accountId} AND kind = ${kind}
        AND LEFT(host_key, ${hostKeyPrefix.length}) = ${hostKeyPrefix}
      ORDER BY host_key
    `.execute(this.#context.db);
    return result.rows.map(toXref);
  }

  async claimAttempt(scope: XrefScope, kind: string, hostKey: string, previous: Date | null): Promise<Date | null> {
    checkKey('claimAttempt', scope, kind, hostKey);
    if (previous !== null) checkMark('claimAttempt', 'previous', previous);
    const now = this.#context.clock.now();
    const { db } = this.#context;
    if (previous === null) {
      // A plain INSERT (not INSERT IGNORE, which would also swallow other errors): of two racing
      // first claims the second waits on the key, then fails as a duplicate and loses.
      try {
        await sql`
          INSERT INTO ${this.#table} (provider, account_id, kind, host_key, attempted_at, created_at, updated_at)
          VALUES (${scope.provider}, ${scope.accountId}, ${kind}, ${hostKey}, ${now}, ${now}, ${now})
        `.execute(db);
        return now;
      } catch (error) {
        if ((error as { errno?: number }).errno === ER_DUP_ENTRY) return null;
        throw error;
      }
    }
    // The UPDATE re-reads the row under its lock, so of two racing take-overs only one still sees `previous`.
    const result = await sql`
      UPDATE ${this.#table} SET attempted_at = ${now}, updated_at = ${now}
      WHERE ${this.#key(scope, kind, hostKey)} AND provider_id IS NULL AND attempted_at = ${previous}
    `.execute(db);
    return Number(result.numAffectedRows ?? 0n) > 0 ? now : null;
  }

  async releaseAttempt(scope: XrefScope, kind: string, hostKey: string, mark: Date): Promise<void> {
    checkKey('releaseAttempt', scope, kind, hostKey);
    checkMark('releaseAttempt', 'mark', mark);
    await sql`
      DELETE FROM ${this.#table}
      WHERE ${this.#key(scope, kind, hostKey)} AND provider_id IS NULL AND attempted_at = ${mark}
    `.execute(this.#context.db);
  }

  async resolve(scope: XrefScope, resolution: XrefResolution, options?: { transaction?: HostTransaction }): Promise<EntityXref> {
    checkKey('resolve', scope, resolution?.kind, resolution?.hostKey);
    text('resolve', 'providerId', resolution.providerId);
    text('resolve', 'reference', resolution.reference, true);
    text('resolve', 'family', resolution.family, true);
    text('resolve', 'contactId', resolution.contactId, true);
    const now = this.#context.clock.now();
    const executor = mysqlExecutorOf(this.#context, options?.transaction);
    // No RETURNING on MySQL: the row is read back in the same transaction (the caller's when given), under the write's lock.
    return inMysqlTransaction(executor, async (trx) => {
      await sql`
        INSERT INTO ${this.#table} (provider, account_id, kind, host_key, provider_id, reference, family, contact_id, attempted_at, created_at, updated_at)
        VALUES (${scope.provider}, ${scope.accountId}, ${resolution.kind}, ${resolution.hostKey}, ${resolution.providerId},
          ${resolution.reference ?? null}, ${resolution.family ?? null}, ${resolution.contactId ?? null}, NULL, ${now}, ${now})
        ON DUPLICATE KEY UPDATE
          provider_id = VALUES(provider_id), reference = VALUES(reference), family = VALUES(family),
          contact_id = VALUES(contact_id), attempted_at = NULL, updated_at = VALUES(updated_at)
      `.execute(trx);
      const row = await this.#read(trx, scope, resolution.kind, resolution.hostKey, true);
      return row!;
    });
  }

  async forget(scope: XrefScope, kind: string, hostKey: string): Promise<boolean> {
    checkKey('forget', scope, kind, hostKey);
    const result = await sql`DELETE FROM ${this.#table} WHERE ${this.#key(scope, kind, hostKey)}`.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0n) > 0;
  }

  async #read(executor: QueryExecutorProvider, scope: XrefScope, kind: string, hostKey: string, locked: boolean): Promise<EntityXref | null> {
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#table} WHERE ${this.#key(scope, kind, hostKey)} ${locked ? sql`FOR UPDATE` : sql``}
    `.execute(executor);
    const row = result.rows[0];
    return row ? toXref(row) : null;
  }
}
