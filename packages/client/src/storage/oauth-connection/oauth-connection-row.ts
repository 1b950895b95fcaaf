import type { OAuthConnectionRecord, OAuthConnectionStatus } from '@byte8/core';
import { toDate, toDateOrNull, toStringOrNull } from '../sql-values.js';

/** Maps a `byte8_oauth_connection` row to the port's record; the hashes and the sealed verifier stay inside the store. */
export function toOAuthConnectionRecord(row: Record<string, unknown>): OAuthConnectionRecord {
  const businessId = toStringOrNull(row.business_id);
  const sealedAccessToken = toStringOrNull(row.access_token_sealed);
  const sealedRefreshToken = toStringOrNull(row.refresh_token_sealed);
  const accessTokenExpiresAt = toDateOrNull(row.access_token_expires_at);
  return {
    provider: String(row.provider),
    status: String(row.status) as OAuthConnectionStatus,
    statusReason: toStringOrNull(row.status_reason),
    business: businessId === null ? null : { id: businessId, name: toStringOrNull(row.business_name) ?? businessId },
    grantedBy: toStringOrNull(row.granted_by),
    tokens:
      sealedAccessToken === null || sealedRefreshToken === null || accessTokenExpiresAt === null
        ? null
        : {
            sealedAccessToken,
            accessTokenExpiresAt,
            sealedRefreshToken,
            refreshTokenExpiresAt: toDateOrNull(row.refresh_token_expires_at),
            scope: toStringOrNull(row.scope),
          },
    authorizationExpiresAt: row.auth_state_hash === null ? null : toDateOrNull(row.auth_expires_at),
    connectedAt: toDateOrNull(row.connected_at),
    refreshedAt: toDateOrNull(row.refreshed_at),
    updatedAt: toDate(row.updated_at),
  };
}
