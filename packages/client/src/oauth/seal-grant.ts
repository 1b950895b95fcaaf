import type { SealedOAuthTokens, SecretBox } from '@byte8/core';
import type { OAuthTokenGrant } from './oauth-grant.js';

/** A grant as it is stored: both tokens sealed, lifetimes turned into times from `now`. */
export function sealGrant(secretBox: SecretBox, grant: OAuthTokenGrant, refreshToken: string, now: Date): SealedOAuthTokens {
  const at = now.getTime();
  return {
    sealedAccessToken: secretBox.seal(grant.accessToken),
    accessTokenExpiresAt: new Date(at + grant.expiresInSeconds * 1000),
    sealedRefreshToken: secretBox.seal(refreshToken),
    refreshTokenExpiresAt: grant.refreshTokenExpiresInSeconds === null ? null : new Date(at + grant.refreshTokenExpiresInSeconds * 1000),
    scope: grant.scope,
  };
}
