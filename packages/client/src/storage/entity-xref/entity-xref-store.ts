import type { EntityXref, EntityXrefStore, HostTransaction, XrefResolution, XrefScope } from '@byte8/core';
import { sql } from 'kysely';
import { toDate, toDateOrNull, toStringOrNull } from '../sql-values.js';
import { type StoreContext, executorOf } from '../store-context.js';
import { xrefTable } from './xref-table.js';

const LIMITS = { provider: 32, accountId: 64, kind: 32, hostKey: 128, providerId: 64, reference: 64, family: 32, contactId: 64 } as const;

export function text(method: string, name: keyof typeof LIMITS, value: unknown, nullable = false): void {
  if (nullable && (value === null || value === undefined)) return;
  if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS[name]) {
    throw new TypeError(`${method}: \`${name}\` must be ${nullable ? 'null or ' : ''}a string of 1 to ${LIMITS[name]} characters`);
  }
}

function checkScope(method: string, scope: XrefScope): void {
  if (scope === null || typeof scope !== 'object') throw new TypeError(`${method}: \`scope\` must be { provider, accountId }`);
  text(method, 'provider', scope.provider);
  text(method, 'accountId', scope.accountId);
}

export function checkKey(method: string, scope: XrefScope, kind: unknown, hostKey: unknown): void {
  checkScope(method, scope);
  text(method, 'kind', kind);
  text(method, 'hostKey', hostKey);
}

export function toXref(row: Record<string, unknown>): EntityXref {
  return {
    kind: String(row.kind),
    hostKey: String(row.host_key),
    providerId: toStringOrNull(row.provider_id),
    reference: toStringOrNull(row.reference),
    family: toStringOrNull(row.family),
    contactId: toStringOrNull(row.contact_id),
    attemptedAt: toDateOrNull(row.attempted_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** The direct mode's entity cross-reference (migration 0008) over kysely. */
export class KyselyEntityXrefStore implements EntityXrefStore {
  readonly #context: StoreContext;
  readonly #table: ReturnType<typeof xrefTable>;

  constructor(context: StoreContext) {
    this.#context = context;
    this.#table = xrefTable(context.tables.schema);
  }

  async find(scope: XrefScope, kind: string, hostKey: string, options?: { transaction?: HostTransaction }): Promise<EntityXref | null> {
    checkKey('find', scope, kind, hostKey);
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#table}
      WHERE provider = ${scope.provider} AND account_id = ${scope.accountId} AND kind = ${kind} AND host_key = ${hostKey}
    `.execute(executorOf(this.#context, options?.transaction));
    const row = result.rows[0];
    return row ? toXref(row) : null;
  }

  async listByPrefix(scope: XrefScope, kind: string, hostKeyPrefix: string): Promise<EntityXref[]> {
    checkKey('listByPrefix', scope, kind, hostKeyPrefix);
    // A prefix match without LIKE: no escaping of `%` or `_` in host keys needed.
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#table}
      WHERE provider = ${scope.provider} AND account_id = ${scope.accountId} AND kind = ${kind}
        AND left(host_key, ${hostKeyPrefix.length}) = ${hostKeyPrefix}
      ORDER BY host_key
    `.execute(this.#context.db);
    return result.rows.map(toXref);
  }

  async claimAttempt(scope: XrefScope, kind: string, hostKey: string, previous: Date | null): Promise<Date | null> {
    checkKey('claimAttempt', scope, kind, hostKey);
    if (previous !== null && (!(previous instanceof Date) || Number.isNaN(previous.getTime()))) {
      throw new TypeError('claimAttempt: `previous` must be null or a valid Date');
    }
    const now = this.#context.clock.now();
    const key = sql`provider = ${scope.provider} AND account_id = ${scope.accountId} AND kind = ${kind} AND host_key = ${hostKey}`;
    const result =
      previous === null
        ? await sql`
            INSERT INTO ${this.#table} (provider, account_id, kind, host_key, attempted_at, created_at, updated_at)
            VALUES (${scope.provider}, ${scope.accountId}, ${kind}, ${hostKey}, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz)
            ON CONFLICT (provider, account_id, kind, host_key) DO NOTHING
          `.execute(this.#context.db)
        : await sql`
            UPDATE ${this.#table} SET attempted_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
            WHERE ${key} AND provider_id IS NULL AND attempted_at = ${previous}::timestamptz
          `.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0) > 0 ? now : null;
  }

  async releaseAttempt(scope: XrefScope, kind: string, hostKey: string, mark: Date): Promise<void> {
    checkKey('releaseAttempt', scope, kind, hostKey);
    if (!(mark instanceof Date) || Number.isNaN(mark.getTime())) throw new TypeError('releaseAttempt: `mark` must be a valid Date');
    await sql`
      DELETE FROM ${this.#table}
      WHERE provider = ${scope.provider} AND account_id = ${scope.accountId} AND kind = ${kind} AND host_key = ${hostKey}
        AND provider_id IS NULL AND attempted_at = ${mark}::timestamptz
    `.execute(this.#context.db);
  }

  async resolve(scope: XrefScope, resolution: XrefResolution, options?: { transaction?: HostTransaction }): Promise<EntityXref> {
    checkKey('resolve', scope, resolution?.kind, resolution?.hostKey);
    text('resolve', 'providerId', resolution.providerId);
    text('resolve', 'reference', resolution.reference, true);
    text('resolve', 'family', resolution.family, true);
    text('resolve', 'contactId', resolution.contactId, true);
    const now = this.#context.clock.now();
    const result = await sql<Record<string, unknown>>`
      INSERT INTO ${this.#table} AS x (provider, account_id, kind, host_key, provider_id, reference, family, contact_id, attempted_at, created_at, updated_at)
      VALUES (${scope.provider}, ${scope.accountId}, ${resolution.kind}, ${resolution.hostKey}, ${resolution.providerId},
        ${resolution.reference ?? null}, ${resolution.family ?? null}, ${resolution.contactId ?? null}, NULL, ${now}::timestamptz, ${now}::timestamptz)
      ON CONFLICT (provider, account_id, kind, host_key) DO UPDATE SET
        provider_id = excluded.provider_id, reference = excluded.reference, family = excluded.family,
        contact_id = excluded.contact_id, attempted_at = NULL, updated_at = excluded.updated_at
      RETURNING x.*
    `.execute(executorOf(this.#context, options?.transaction));
    return toXref(result.rows[0]!);
  }

  async forget(scope: XrefScope, kind: string, hostKey: string): Promise<boolean> {
    checkKey('forget', scope, kind, hostKey);
    const result = await sql`
      DELETE FROM ${this.#table}
      WHERE provider = ${scope.provider} AND account_id = ${scope.accountId} AND kind = ${kind} AND host_key = ${hostKey}
    `.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0) > 0;
  }
}
