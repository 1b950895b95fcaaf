import { type KeyObject, createSecretKey } from 'node:crypto';
import type { Clock, Random } from '@byte8/core';
import { deriveSubkey } from './derive-subkeys.js';
import { signOutboundJwt } from './sign-outbound-jwt.js';

/** Mints outbound JWTs for a master key; subkeys are derived once per key, not per request. */
export interface OutboundSigner {
  sign(masterKey: string, tenantId: string): string;
}

const MAX_CACHED_KEYS = 16;

/**
 * An `OutboundSigner` over the injected clock (iat) and randomness (jti). The
 * small subkey cache is keyed by the master key itself: it lives in the same
 * process memory as the decrypted key it came from, and a re-pair simply adds
 * a new entry (the oldest is evicted).
 */
export function createOutboundSigner(deps: { readonly clock: Clock; readonly random: Random }): OutboundSigner {
  // KeyObjects: HMAC with a prepared key skips copying the raw bytes on every token.
  const subkeys = new Map<string, KeyObject>();
  return {
    sign(masterKey, tenantId) {
      let subkey = subkeys.get(masterKey);
      if (!subkey) {
        subkey = createSecretKey(deriveSubkey(masterKey, 'outbound'));
        if (subkeys.size >= MAX_CACHED_KEYS) subkeys.delete(subkeys.keys().next().value!);
        subkeys.set(masterKey, subkey);
      }
      return signOutboundJwt(subkey, tenantId, { now: deps.clock.now(), jti: deps.random.uuid() });
    },
  };
}
