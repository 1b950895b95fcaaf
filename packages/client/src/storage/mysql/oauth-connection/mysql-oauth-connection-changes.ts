import type { OAuthLockedChange } from '@byte8/core';
import { type QueryExecutorProvider, type RawBuilder, sql } from 'kysely';
import { checkReason, checkTokens } from '../../oauth-connection/oauth-connection-checks.js';
import { inMysqlTransaction } from '../mysql-executor.js';

/** Marks a held grant refused; a disconnected row stays disconnected. True when a row changed. */
export async function markMysqlReconnectNeeded(executor: QueryExecutorProvider, table: RawBuilder<unknown>, provider: string, reason: string, now: Date): Promise<boolean> {
  const result = await sql`
    UPDATE ${table} SET status = 'reconnect_needed', status_reason = ${reason}, updated_at = ${now}
    WHERE provider = ${provider} AND status <> 'disconnected'
  `.execute(executor);
  return Number(result.numAffectedRows ?? 0n) === 1;
}

/** Disconnect: tokens and any connect in flight cleared, the business kept. True when it was not disconnected already. */
export async function clearMysqlConnection(executor: QueryExecutorProvider, table: RawBuilder<unknown>, provider: string, now: Date): Promise<boolean> {
  return inMysqlTransaction(executor, async (trx) => {
    const old = await sql<{ status: string }>`SELECT status FROM ${table} WHERE provider = ${provider} FOR UPDATE`.execute(trx);
    const status = old.rows[0]?.status;
    if (status === undefined) return false;
    await sql`
      UPDATE ${table} SET status = 'disconnected', status_reason = NULL, access_token_sealed = NULL,
        access_token_expires_at = NULL, refresh_token_sealed = NULL, refresh_token_expires_at = NULL, scope = NULL,
        auth_state_hash = NULL, auth_browser_hash = NULL, auth_verifier_sealed = NULL, auth_expires_at = NULL,
        updated_at = ${now}
      WHERE provider = ${provider}
    `.execute(trx);
    return status !== 'disconnected';
  });
}

/** Applies what a locked decision returned, inside its transaction; a bad change throws (and rolls back). */
export async function applyMysqlLockedChange(executor: QueryExecutorProvider, table: RawBuilder<unknown>, provider: string, change: OAuthLockedChange, now: Date): Promise<void> {
  switch (change?.kind) {
    case 'keep':
      return;
    case 'clear':
      await clearMysqlConnection(executor, table, provider, now);
      return;
    case 'reconnect_needed':
      checkReason('withLockedConnection', change.reason);
      await markMysqlReconnectNeeded(executor, table, provider, change.reason, now);
      return;
    case 'tokens': {
      checkTokens('withLockedConnection', change.tokens);
      const { tokens } = change;
      // Only a held grant is refreshed: a disconnect meanwhile is not undone.
      await sql`
        UPDATE ${table} SET access_token_sealed = ${tokens.sealedAccessToken}, access_token_expires_at = ${tokens.accessTokenExpiresAt},
          refresh_token_sealed = ${tokens.sealedRefreshToken}, refresh_token_expires_at = ${tokens.refreshTokenExpiresAt},
          scope = COALESCE(${tokens.scope}, scope), refreshed_at = ${now}, updated_at = ${now}
        WHERE provider = ${provider} AND status <> 'disconnected'
      `.execute(executor);
      return;
    }
    default:
      throw new TypeError('withLockedConnection: `change.kind` must be keep, tokens, reconnect_needed or clear');
  }
}
