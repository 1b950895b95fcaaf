import { type KeyObject, createHmac, randomUUID } from 'node:crypto';

/** Claims of an outbound token, in the order the contract serialises them (wire-contract §3.2). */
export interface OutboundClaims {
  readonly iss: 'magento';
  readonly sub: string;
  readonly aud: 'byte8-ledger';
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly jti: string;
}

/** Outbound tokens live exactly 60 s (wire-contract §3.4). */
export const OUTBOUND_TTL_SECONDS = 60;

// The header never changes, so its segment is computed once.
const HEADER_SEGMENT = Buffer.from('{"alg":"HS256","typ":"JWT"}', 'utf8').toString('base64url');

/**
 * Mints the HS256 JWT sent with every request to the ledger (wire-contract
 * §3.2): header `{"alg":"HS256","typ":"JWT"}`, claims iss, sub, aud, iat, nbf,
 * exp, jti in that order, `exp = iat + 60`, a fresh v4 `jti` each call.
 *
 * Assembled with node:crypto rather than jose: jose produces the same bytes
 * (the spec vector passes with both) but is about 15x slower per token, and a
 * token is minted for every delivery of a drain that targets thousands per second.
 *
 * @param subkey the 32-byte outbound HKDF subkey (`deriveSubkey(master, 'outbound')`), raw or as a KeyObject
 * @example
 * const jwt = signOutboundJwt(deriveSubkey(masterKey, 'outbound'), tenantId, { now: new Date() });
 */
export function signOutboundJwt(
  subkey: Uint8Array | KeyObject,
  tenantId: string,
  options: { readonly now: Date; readonly jti?: string },
): string {
  if (tenantId === '') throw new Error('cannot sign an outbound JWT: the tenant id is empty (not connected)');
  const iat = Math.floor(options.now.getTime() / 1000);
  const claims: OutboundClaims = {
    iss: 'magento',
    sub: tenantId,
    aud: 'byte8-ledger',
    iat,
    nbf: iat,
    exp: iat + OUTBOUND_TTL_SECONDS,
    jti: options.jti ?? randomUUID(),
  };
  // PHP json_encode(JSON_UNESCAPED_SLASHES) and JSON.stringify agree for these
  // ASCII-only claims; a non-ASCII tenant id would differ, but tenant ids are UUIDs.
  const signingInput = `${HEADER_SEGMENT}.${Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url')}`;
  const signature = createHmac('sha256', subkey).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
