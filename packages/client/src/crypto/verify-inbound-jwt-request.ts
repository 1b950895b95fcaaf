import type { Clock, ConnectionStore, Logger, ReplayGuard, SecretBox } from '@byte8/core';
import { deriveSubkey } from './derive-subkeys.js';
import { type InboundKey, verifyInboundJwt } from './verify-inbound-jwt.js';

export interface InboundJwtVerifierDeps {
  readonly connections: ConnectionStore;
  readonly replayGuard: ReplayGuard;
  readonly secretBox: SecretBox;
  /** Installed providers; connection rows of other providers are ignored. */
  readonly providers: readonly { readonly key: string }[];
  readonly clock: Clock;
  readonly logger: Logger;
}

export type InboundAuthResult =
  | { readonly ok: true; readonly provider: string; readonly tenantId: string }
  | { readonly ok: false; readonly reason: string };

/** Checks the `Authorization` header of one inbound request. */
export type InboundJwtVerifier = (authorization: string | undefined) => Promise<InboundAuthResult>;

/**
 * Authenticates ledger -> host requests: `Bearer` scheme (case-insensitive,
 * as Magento reads it, wire-contract §3.3.1), every check of
 * `verifyInboundJwt`, then the shared `ReplayGuard`, which records only
 * tokens that passed everything else. A failure is logged at warn with its
 * reason (never the token) and returned for the caller to answer a generic 401.
 *
 * @example
 * const verify = createInboundJwtVerifier({ connections, replayGuard, secretBox, providers, clock, logger });
 * const auth = await verify(request.headers.authorization);
 */
export function createInboundJwtVerifier(deps: InboundJwtVerifierDeps): InboundJwtVerifier {
  // Subkeys by sealed master key: one AES-GCM open and HKDF per pairing, not per request.
  const subkeys = new Map<string, Buffer>();
  const installed = new Set(deps.providers.map((p) => p.key));

  async function keys(): Promise<InboundKey[]> {
    const found: InboundKey[] = [];
    for (const record of await deps.connections.list()) {
      if (!installed.has(record.provider) || !record.tenantId || !record.encryptedMasterKey) continue;
      let subkey = subkeys.get(record.encryptedMasterKey);
      if (!subkey) {
        try {
          subkey = deriveSubkey(deps.secretBox.open(record.encryptedMasterKey), 'inbound');
        } catch {
          deps.logger.error({ provider: record.provider }, 'byte8: stored master key cannot be decrypted; re-pair or restore the encryption key');
          continue;
        }
        // Re-pairings leave stale entries behind; a handful at most, so a reset is enough.
        if (subkeys.size >= 64) subkeys.clear();
        subkeys.set(record.encryptedMasterKey, subkey);
      }
      found.push({ provider: record.provider, tenantId: record.tenantId, subkey });
    }
    return found;
  }

  const reject = (reason: string): InboundAuthResult => {
    deps.logger.warn({ reason }, 'byte8: inbound JWT rejected');
    return { ok: false, reason };
  };

  return async (authorization) => {
    if (!authorization || !/^bearer /i.test(authorization)) return reject('no bearer token');
    const now = deps.clock.now();
    const result = verifyInboundJwt(authorization.slice(7).trim(), await keys(), now);
    if (!result.ok) return reject(result.reason);
    // Magento keeps the jti for max(1, exp - now) seconds.
    const keepUntil = new Date(Math.max(result.expiresAt.getTime(), now.getTime() + 1000));
    if (!(await deps.replayGuard.remember(result.jti, keepUntil))) return reject('jti replay');
    return { ok: true, provider: result.provider, tenantId: result.tenantId };
  };
}
