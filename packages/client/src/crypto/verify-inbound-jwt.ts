import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeBase64Url } from './base64url.js';
import { topLevelRawMembers } from './verify-inbound-jwt-raw-json.js';

/** The fixed claims and limits of ledger -> host tokens (wire-contract §3.3.2, §3.4). */
export const INBOUND_JWT_RULES = {
  issuer: 'byte8-ledger',
  audience: 'magento',
  /** Clock skew allowed on `iat` and, unlike Magento, also on `nbf` (design §5 Inbound). */
  skewSeconds: 30,
  maxTtlSeconds: 300,
} as const;

/** The inbound HMAC key of one connected provider. */
export interface InboundKey {
  readonly provider: string;
  readonly tenantId: string;
  /** HKDF inbound subkey of the provider's master key (`deriveSubkey(master, 'inbound')`). */
  readonly subkey: Uint8Array;
}

export type InboundJwtResult =
  | { readonly ok: true; readonly provider: string; readonly tenantId: string; readonly jti: string; readonly expiresAt: Date }
  | { readonly ok: false; readonly reason: string };

const fail = (reason: string): InboundJwtResult => ({ ok: false, reason });

/**
 * Checks one inbound token in the order of the Magento verifier (wire-contract
 * §3.3.2 steps 1-6; the replay check, step 7, needs storage and is the
 * caller's). Every connected provider's key is tried on the signature, so
 * several providers can be connected at once; the provider whose key signed
 * the token must also own the `sub` tenant.
 *
 * Deliberate deviation: `nbf` may be up to 30 s ahead, the same skew as `iat`.
 * Magento allows none, so a ledger clock one second ahead fails there.
 *
 * The returned reason is for the log; it must never reach the HTTP caller.
 */
export function verifyInboundJwt(token: string, keys: readonly InboundKey[], now: Date): InboundJwtResult {
  if (keys.length === 0) return fail('cannot be verified: not connected');
  const segments = token.split('.');
  if (segments.length !== 3) return fail('malformed: expected 3 segments');
  const [headerPart, payloadPart, signaturePart] = segments as [string, string, string];

  const header = decodeJsonObject(headerPart);
  if (!header) return fail('header is empty or not a JSON object');
  if (header.value.alg !== 'HS256') return fail('unsupported alg');
  if (header.value.typ !== 'JWT') return fail('unsupported typ');

  const signer = findSigner(`${headerPart}.${payloadPart}`, signaturePart, keys);
  if (!signer) return fail('signature mismatch');

  const payload = decodeJsonObject(payloadPart);
  if (!payload) return fail('payload is empty or not a JSON object');
  const claims = payload.value;
  if (claims.iss !== INBOUND_JWT_RULES.issuer) return fail('iss mismatch');
  if (claims.aud !== INBOUND_JWT_RULES.audience) return fail('aud mismatch');
  if (claims.sub !== signer.tenantId) return fail('sub does not match the tenant');
  const iat = integerClaim(payload.raw, 'iat');
  const nbf = integerClaim(payload.raw, 'nbf');
  const exp = integerClaim(payload.raw, 'exp');
  if (iat === null || nbf === null || exp === null) return fail('iat, nbf or exp missing or not an integer');
  if (typeof claims.jti !== 'string' || claims.jti === '') return fail('jti missing');

  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (iat > nowSeconds + INBOUND_JWT_RULES.skewSeconds) return fail('iat too far in the future');
  if (nbf > nowSeconds + INBOUND_JWT_RULES.skewSeconds) return fail('not yet valid (nbf)');
  if (exp <= nowSeconds) return fail('expired');
  if (exp - iat > INBOUND_JWT_RULES.maxTtlSeconds) return fail('TTL above the 300 s ceiling');

  return { ok: true, provider: signer.provider, tenantId: signer.tenantId, jti: claims.jti, expiresAt: new Date(exp * 1000) };
}

interface DecodedObject {
  readonly value: Record<string, unknown>;
  readonly raw: Map<string, string>;
}

function decodeJsonObject(segment: string): DecodedObject | null {
  const bytes = decodeBase64Url(segment);
  if (!bytes || bytes.length === 0) return null;
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const raw = topLevelRawMembers(text);
  return raw ? { value: value as Record<string, unknown>, raw } : null;
}

/** A JSON integer as PHP decodes one: digits only, no fraction or exponent, not a string. */
function integerClaim(raw: Map<string, string>, name: string): number | null {
  const text = raw.get(name);
  if (text === undefined || !/^-?(0|[1-9]\d*)$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** Tries every key without stopping early, so timing does not tell which provider matched. */
function findSigner(signingInput: string, signaturePart: string, keys: readonly InboundKey[]): InboundKey | null {
  const signature = decodeBase64Url(signaturePart);
  let signer: InboundKey | null = null;
  for (const key of keys) {
    const expected = createHmac('sha256', key.subkey).update(signingInput, 'utf8').digest();
    const matches = signature !== null && signature.length === expected.length && timingSafeEqual(signature, expected);
    if (matches && signer === null) signer = key;
  }
  return signer;
}
