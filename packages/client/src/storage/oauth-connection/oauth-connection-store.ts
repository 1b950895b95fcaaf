import type {
  OAuthAuthorizationStart,
  OAuthAuthorizationTake,
  OAuthBusiness,
  OAuthConnectionRecord,
  OAuthConnectionStore,
  OAuthGrantInput,
  OAuthLockedChange,
} from '@byte8/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import { toDate } from '../sql-values.js';
import type { StoreContext } from '../store-context.js';
import { checkAuthorization, checkBusiness, checkGrant, checkHash, checkProvider, checkReason } from './oauth-connection-checks.js';
import { applyLockedChange, clearConnection, markReconnectNeeded } from './oauth-connection-changes.js';
import { toOAuthConnectionRecord } from './oauth-connection-row.js';

/**
 * How long a refresh waits for another process's refresh of the same row.
 * Longer than any token call's timeout, so a waiter normally sees the winner's
 * tokens; past it the wait fails (retryable) rather than hanging a worker.
 */
export const OAUTH_LOCK_TIMEOUT_MS = 30_000;

/**
 * `byte8_oauth_connection` over kysely: one row per provider in direct mode.
 * Tokens come in and go out sealed; bad input is refused with a TypeError
 * naming the field before anything is written.
 */
export class KyselyOAuthConnectionStore implements OAuthConnectionStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  get #table() {
    return this.#context.tables.oauthConnection;
  }

  #now(): Date {
    return this.#context.clock.now();
  }

  async get(provider: string): Promise<OAuthConnectionRecord | null> {
    checkProvider('get', provider);
    return this.#read(this.#context.db, provider, false);
  }

  async list(): Promise<OAuthConnectionRecord[]> {
    const result = await sql<Record<string, unknown>>`SELECT * FROM ${this.#table} ORDER BY provider`.execute(this.#context.db);
    return result.rows.map(toOAuthConnectionRecord);
  }

  async startAuthorization(provider: string, start: OAuthAuthorizationStart): Promise<void> {
    checkProvider('startAuthorization', provider);
    checkAuthorization('startAuthorization', start);
    await sql`
      INSERT INTO ${this.#table} (provider, auth_state_hash, auth_browser_hash, auth_verifier_sealed, auth_expires_at, updated_at)
      VALUES (${provider}, ${start.stateHash}, ${start.browserHash}, ${start.sealedVerifier}, ${start.expiresAt}::timestamptz, ${this.#now()}::timestamptz)
      ON CONFLICT (provider) DO UPDATE SET auth_state_hash = excluded.auth_state_hash, auth_browser_hash = excluded.auth_browser_hash,
        auth_verifier_sealed = excluded.auth_verifier_sealed, auth_expires_at = excluded.auth_expires_at, updated_at = excluded.updated_at
    `.execute(this.#context.db);
  }

  async takeAuthorization(provider: string, stateHash: string, browserHash: string): Promise<OAuthAuthorizationTake> {
    checkProvider('takeAuthorization', provider);
    checkHash('takeAuthorization', 'stateHash', stateHash);
    checkHash('takeAuthorization', 'browserHash', browserHash);
    // The row lock re-checks the state after a concurrent take: exactly one caller sees it.
    const taken = await sql<{ verifier: string; expires_at: unknown }>`
      WITH pending AS (
        SELECT provider, auth_verifier_sealed AS verifier, auth_expires_at AS expires_at FROM ${this.#table}
        WHERE provider = ${provider} AND auth_state_hash = ${stateHash} AND auth_browser_hash = ${browserHash} FOR UPDATE
      )
      UPDATE ${this.#table} AS t SET auth_state_hash = NULL, auth_browser_hash = NULL, auth_verifier_sealed = NULL,
        auth_expires_at = NULL, updated_at = ${this.#now()}::timestamptz
      FROM pending WHERE t.provider = pending.provider
      RETURNING pending.verifier, pending.expires_at
    `.execute(this.#context.db);
    const row = taken.rows[0];
    if (row) return { kind: 'taken', sealedVerifier: String(row.verifier), expiresAt: toDate(row.expires_at) };
    const other = await sql`SELECT 1 FROM ${this.#table} WHERE provider = ${provider} AND auth_state_hash = ${stateHash}`.execute(this.#context.db);
    return other.rows.length > 0 ? { kind: 'other_browser' } : { kind: 'unknown' };
  }

  async saveGrant(provider: string, grant: OAuthGrantInput): Promise<OAuthConnectionRecord> {
    checkProvider('saveGrant', provider);
    checkGrant('saveGrant', grant);
    const { tokens, business } = grant;
    const now = this.#now();
    const result = await sql<Record<string, unknown>>`
      INSERT INTO ${this.#table} (provider, status, status_reason, business_id, business_name, granted_by,
        access_token_sealed, access_token_expires_at, refresh_token_sealed, refresh_token_expires_at, scope,
        connected_at, refreshed_at, updated_at)
      VALUES (${provider}, ${business === null ? 'business_needed' : 'connected'}, NULL, ${business?.id ?? null}, ${business?.name ?? null},
        ${grant.grantedBy}, ${tokens.sealedAccessToken}, ${tokens.accessTokenExpiresAt}::timestamptz, ${tokens.sealedRefreshToken},
        ${tokens.refreshTokenExpiresAt}::timestamptz, ${tokens.scope}, ${now}::timestamptz, NULL, ${now}::timestamptz)
      ON CONFLICT (provider) DO UPDATE SET status = excluded.status, status_reason = NULL, business_id = excluded.business_id,
        business_name = excluded.business_name, granted_by = excluded.granted_by, access_token_sealed = excluded.access_token_sealed,
        access_token_expires_at = excluded.access_token_expires_at, refresh_token_sealed = excluded.refresh_token_sealed,
        refresh_token_expires_at = excluded.refresh_token_expires_at, scope = excluded.scope, connected_at = excluded.connected_at,
        refreshed_at = NULL, updated_at = excluded.updated_at
      RETURNING *
    `.execute(this.#context.db);
    return toOAuthConnectionRecord(result.rows[0]!);
  }

  async chooseBusiness(provider: string, business: OAuthBusiness): Promise<boolean> {
    checkProvider('chooseBusiness', provider);
    if (business === null) throw new TypeError('chooseBusiness: `business` must be { id, name }');
    checkBusiness('chooseBusiness', 'business', business);
    const result = await sql`
      UPDATE ${this.#table} SET status = 'connected', business_id = ${business.id}, business_name = ${business.name},
        updated_at = ${this.#now()}::timestamptz
      WHERE provider = ${provider} AND status = 'business_needed'
    `.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0n) === 1;
  }

  async withLockedConnection<T>(
    provider: string,
    decide: (current: OAuthConnectionRecord | null) => Promise<{ readonly change: OAuthLockedChange; readonly result: T }>,
  ): Promise<T> {
    checkProvider('withLockedConnection', provider);
    if (typeof decide !== 'function') throw new TypeError('withLockedConnection: `decide` must be a function');
    return this.#context.db.transaction().execute(async (trx) => {
      await sql.raw(`SET LOCAL lock_timeout = '${OAUTH_LOCK_TIMEOUT_MS}ms'`).execute(trx);
      const { change, result } = await decide(await this.#read(trx, provider, true));
      await applyLockedChange(trx, this.#table, provider, change, this.#now());
      return result;
    });
  }

  async markReconnectNeeded(provider: string, reason: string): Promise<boolean> {
    checkProvider('markReconnectNeeded', provider);
    checkReason('markReconnectNeeded', reason);
    return markReconnectNeeded(this.#context.db, this.#table, provider, reason, this.#now());
  }

  async clearTokens(provider: string): Promise<boolean> {
    checkProvider('clearTokens', provider);
    return clearConnection(this.#context.db, this.#table, provider, this.#now());
  }

  async #read(executor: QueryExecutorProvider, provider: string, lock: boolean): Promise<OAuthConnectionRecord | null> {
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#table} WHERE provider = ${provider} ${lock ? sql`FOR UPDATE` : sql.raw('')}
    `.execute(executor);
    return result.rows[0] ? toOAuthConnectionRecord(result.rows[0]) : null;
  }
}
