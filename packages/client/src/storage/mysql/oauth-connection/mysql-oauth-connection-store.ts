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
import { checkAuthorization, checkBusiness, checkGrant, checkHash, checkProvider, checkReason } from '../../oauth-connection/oauth-connection-checks.js';
import { toOAuthConnectionRecord } from '../../oauth-connection/oauth-connection-row.js';
import { OAUTH_LOCK_TIMEOUT_MS } from '../../oauth-connection/oauth-connection-store.js';
import { toDate } from '../../sql-values.js';
import type { StoreContext } from '../../store-context.js';
import { applyMysqlLockedChange, clearMysqlConnection, markMysqlReconnectNeeded } from './mysql-oauth-connection-changes.js';

/** `byte8_oauth_connection` on MySQL; the same contract as oauth-connection/oauth-connection-store.ts. */
export class MysqlOAuthConnectionStore implements OAuthConnectionStore {
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
      VALUES (${provider}, ${start.stateHash}, ${start.browserHash}, ${start.sealedVerifier}, ${start.expiresAt}, ${this.#now()})
      ON DUPLICATE KEY UPDATE auth_state_hash = VALUES(auth_state_hash), auth_browser_hash = VALUES(auth_browser_hash),
        auth_verifier_sealed = VALUES(auth_verifier_sealed), auth_expires_at = VALUES(auth_expires_at), updated_at = VALUES(updated_at)
    `.execute(this.#context.db);
  }

  async takeAuthorization(provider: string, stateHash: string, browserHash: string): Promise<OAuthAuthorizationTake> {
    checkProvider('takeAuthorization', provider);
    checkHash('takeAuthorization', 'stateHash', stateHash);
    checkHash('takeAuthorization', 'browserHash', browserHash);
    // The row lock re-checks the state after a concurrent take: exactly one caller sees it.
    const taken = await this.#context.db.transaction().execute(async (trx) => {
      const pending = await sql<{ verifier: string; expires_at: unknown }>`
        SELECT auth_verifier_sealed AS verifier, auth_expires_at AS expires_at FROM ${this.#table}
        WHERE provider = ${provider} AND auth_state_hash = ${stateHash} AND auth_browser_hash = ${browserHash} FOR UPDATE
      `.execute(trx);
      if (!pending.rows[0]) return null;
      await sql`
        UPDATE ${this.#table} SET auth_state_hash = NULL, auth_browser_hash = NULL, auth_verifier_sealed = NULL,
          auth_expires_at = NULL, updated_at = ${this.#now()}
        WHERE provider = ${provider}
      `.execute(trx);
      return pending.rows[0];
    });
    if (taken) return { kind: 'taken', sealedVerifier: String(taken.verifier), expiresAt: toDate(taken.expires_at) };
    const other = await sql`SELECT 1 FROM ${this.#table} WHERE provider = ${provider} AND auth_state_hash = ${stateHash}`.execute(this.#context.db);
    return other.rows.length > 0 ? { kind: 'other_browser' } : { kind: 'unknown' };
  }

  async saveGrant(provider: string, grant: OAuthGrantInput): Promise<OAuthConnectionRecord> {
    checkProvider('saveGrant', provider);
    checkGrant('saveGrant', grant);
    const { tokens, business } = grant;
    const now = this.#now();
    return this.#context.db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO ${this.#table} (provider, status, status_reason, business_id, business_name, granted_by,
          access_token_sealed, access_token_expires_at, refresh_token_sealed, refresh_token_expires_at, scope,
          connected_at, refreshed_at, updated_at)
        VALUES (${provider}, ${business === null ? 'business_needed' : 'connected'}, NULL, ${business?.id ?? null}, ${business?.name ?? null},
          ${grant.grantedBy}, ${tokens.sealedAccessToken}, ${tokens.accessTokenExpiresAt}, ${tokens.sealedRefreshToken},
          ${tokens.refreshTokenExpiresAt}, ${tokens.scope}, ${now}, NULL, ${now})
        ON DUPLICATE KEY UPDATE status = VALUES(status), status_reason = NULL, business_id = VALUES(business_id),
          business_name = VALUES(business_name), granted_by = VALUES(granted_by), access_token_sealed = VALUES(access_token_sealed),
          access_token_expires_at = VALUES(access_token_expires_at), refresh_token_sealed = VALUES(refresh_token_sealed),
          refresh_token_expires_at = VALUES(refresh_token_expires_at), scope = VALUES(scope), connected_at = VALUES(connected_at),
          refreshed_at = NULL, updated_at = VALUES(updated_at)
      `.execute(trx);
      return (await this.#read(trx, provider, true))!;
    });
  }

  async chooseBusiness(provider: string, business: OAuthBusiness): Promise<boolean> {
    checkProvider('chooseBusiness', provider);
    if (business === null) throw new TypeError('chooseBusiness: `business` must be { id, name }');
    checkBusiness('chooseBusiness', 'business', business);
    const result = await sql`
      UPDATE ${this.#table} SET status = 'connected', business_id = ${business.id}, business_name = ${business.name},
        updated_at = ${this.#now()}
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
    // MySQL has no SET LOCAL: the session's lock wait is set for this transaction and put back after it.
    return this.#context.db.connection().execute(async (connection) => {
      const before = await sql<{ timeout: unknown }>`SELECT @@SESSION.innodb_lock_wait_timeout AS timeout`.execute(connection);
      await sql`SET SESSION innodb_lock_wait_timeout = ${sql.lit(Math.ceil(OAUTH_LOCK_TIMEOUT_MS / 1000))}`.execute(connection);
      try {
        return await connection.transaction().execute(async (trx) => {
          const { change, result } = await decide(await this.#read(trx, provider, true));
          await applyMysqlLockedChange(trx, this.#table, provider, change, this.#now());
          return result;
        });
      } finally {
        await sql`SET SESSION innodb_lock_wait_timeout = ${sql.lit(Number(before.rows[0]?.timeout ?? 50))}`.execute(connection);
      }
    });
  }

  async markReconnectNeeded(provider: string, reason: string): Promise<boolean> {
    checkProvider('markReconnectNeeded', provider);
    checkReason('markReconnectNeeded', reason);
    return markMysqlReconnectNeeded(this.#context.db, this.#table, provider, reason, this.#now());
  }

  async clearTokens(provider: string): Promise<boolean> {
    checkProvider('clearTokens', provider);
    return clearMysqlConnection(this.#context.db, this.#table, provider, this.#now());
  }

  async #read(executor: QueryExecutorProvider, provider: string, lock: boolean): Promise<OAuthConnectionRecord | null> {
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#table} WHERE provider = ${provider} ${lock ? sql`FOR UPDATE` : sql.raw('')}
    `.execute(executor);
    return result.rows[0] ? toOAuthConnectionRecord(result.rows[0]) : null;
  }
}
