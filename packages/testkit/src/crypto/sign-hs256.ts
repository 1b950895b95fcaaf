import { createHmac } from 'node:crypto';
import { base64url } from './base64url.js';

/** The only header either direction uses, in the contract's key order (wire-contract §3.2). */
export const JWT_HEADER = { alg: 'HS256', typ: 'JWT' } as const;

/**
 * Signs a compact JWS with HMAC-SHA256. Claims are serialised in their own key
 * order, compact, so a caller that passes claims in contract order gets the
 * exact bytes of the spec's example tokens.
 */
export function signHs256(claims: Record<string, unknown>, key: Buffer, header: Record<string, unknown> = JWT_HEADER): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}
