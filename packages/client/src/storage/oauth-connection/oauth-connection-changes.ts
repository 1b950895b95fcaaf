import type { OAuthLockedChange } from '@byte8/core';
import { type QueryExecutorProvider, type RawBuilder, sql } from 'kysely';
import { checkReason, checkTokens } from './oauth-connection-checks.js';

/** Marks a held grant refused; a disconnected row stays disconnected. True when a row changed. */
export async function markReconnectNeeded(executor: QueryExecutorProvider, table: RawBuilder<unknown>, provider: string, reason: string, now: Date): Promise<boolean> {
  const result = await sql`
    UPDATE ${table} SET status = 'reconnect_needed', status_reason = ${reason}, updated_at = ${now}::timestamptz
    WHERE provider = ${provider} AND status <> 'disconnected'
  `.execute(executor);
  return Number(result.numAffectedRows ?? 0n) === 1;
}

/** Disconnect: tokens and any connect in flight cleared, the business kept. True when it was not disconnected already. */
export async function clearConnection(executor: QueryExecutorProvider, table: RawBuilder<unknown>, provider: string, now: Date): Promise<boolean> {
  const result = await sql<{ old_status: string }>`
    WITH old AS (SELECT provider, status AS old_status FROM ${table} WHERE provider = ${provider} FOR UPDATE)
    UPDATE ${table} AS t SET status = 'disconnected', status_reason = NULL, access_token_sealed = NULL,
      access_token_expires_at = NULL, refresh_token_sealed = NULL, refresh_token_expires_at = NULL, scope = NULL,
      auth_state_hash = NULL, auth_browser_hash = NULL, auth_verifier_sealed = NULL, auth_expires_at = NULL,
      updated_at = ${now}::timestamptz
    FROM old WHERE t.provider = old.provider
    RETURNING old.old_status
  `.execute(executor);
  const old = result.rows[0]?.old_status;
  return old !== undefined && old !== 'disconnected';
}

/** Applies what a locked decision returned, inside its transaction; a bad change throws (and rolls back). */
export async function applyLockedChange(executor: QueryExecutorProvider, table: RawBuilder<unknown>, provider: string, change: OAuthLockedChange, now: Date): Promise<void> {
  switch (change?.kind) {
    case 'keep':
      return;
    case 'clear':
      await clearConnection(executor, table, provider, now);
      return;
    case 'reconnect_needed':
      checkReason('withLockedConnection', change.reason);
      await markReconnectNeeded(executor, table, provider, change.reason, now);
      return;
    case 'tokens': {
      checkTokens('withLockedConnection', change.tokens);
      const { tokens } = change;
      // Only a held grant is refreshed: a disconnect meanwhile is not undone.
      await sql`
        UPDATE ${table} SET access_token_sealed = ${tokens.sealedAccessToken}, access_token_expires_at = ${tokens.accessTokenExpiresAt}::timestamptz,
          refresh_token_sealed = ${tokens.sealedRefreshToken}, refresh_token_expires_at = ${tokens.refreshTokenExpiresAt}::timestamptz,
          scope = COALESCE(${tokens.scope}, scope), refreshed_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
        WHERE provider = ${provider} AND status <> 'disconnected'
      `.execute(executor);
      return;
    }
    default:
      throw new TypeError('withLockedConnection: `change.kind` must be keep, tokens, reconnect_needed or clear');
  }
}
