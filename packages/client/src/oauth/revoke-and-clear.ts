import type { Logger, OAuthConnectionStore, SecretBox } from '@byte8/core';
import type { OAuthGrantClient } from './oauth-grant.js';

export interface RevokeAndClearDeps {
  readonly provider: string;
  readonly store: OAuthConnectionStore;
  readonly secretBox: SecretBox;
  readonly grants: OAuthGrantClient;
  readonly logger: Logger;
}

/**
 * Disconnect: revokes the refresh token at the provider (best effort: an
 * outage must not keep the tokens here) and clears them, under the row lock
 * so a concurrent refresh cannot rotate the token between the two.
 */
export async function revokeAndClear(deps: RevokeAndClearDeps): Promise<{ readonly wasConnected: boolean; readonly revoked: boolean }> {
  const { provider, logger } = deps;
  const outcome = await deps.store.withLockedConnection(provider, async (current) => {
    if (!current?.tokens) return { change: { kind: 'clear' } as const, result: { wasConnected: false, revoked: false } };
    let revoked = false;
    try {
      await deps.grants.revoke(deps.secretBox.open(current.tokens.sealedRefreshToken));
      revoked = true;
    } catch (error) {
      logger.warn({ provider, error: (error as Error).message }, 'byte8: the provider did not confirm the token revoke; tokens are cleared anyway');
    }
    return { change: { kind: 'clear' } as const, result: { wasConnected: true, revoked } };
  });
  logger.info({ provider, ...outcome }, 'byte8: OAuth connection disconnected');
  return outcome;
}
