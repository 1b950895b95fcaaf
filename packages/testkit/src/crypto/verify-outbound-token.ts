import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeBase64url } from './base64url.js';

/** Why the simulator refused an outbound token; sent back as `{"error": reason}` with 401. */
export type JwtRejection =
  | 'missing_token'
  | 'malformed'
  | 'bad_header'
  | 'unsupported_alg'
  | 'unsupported_typ'
  | 'unknown_tenant'
  | 'bad_signature'
  | 'bad_payload'
  | 'iss_mismatch'
  | 'aud_mismatch'
  | 'sub_mismatch'
  | 'non_integer_time'
  | 'missing_jti'
  | 'iat_in_future'
  | 'not_yet_valid'
  | 'expired'
  | 'ttl_too_long'
  | 'jti_replay';

export interface OutboundClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
  readonly jti: string;
}

export interface VerifyOutboundOptions {
  /** The tenant the URL names; null when the route takes the tenant from `sub`. */
  readonly expectedTenant: string | null;
  /** The outbound subkey of a tenant the ledger knows, or null. */
  readonly keyFor: (tenantId: string) => Buffer | null;
  /** Unix seconds. */
  readonly now: number;
  /** Whether this jti was already accepted (replay). */
  readonly seen: (jti: string) => boolean;
  /** `exp − iat` ceiling of the host → ledger direction. Default 60 (wire-contract §3.2). */
  readonly maxTtlSeconds?: number;
  /** Tolerance for an `iat` in the future. Default 30. */
  readonly iatSkewSeconds?: number;
}

export type VerifyOutboundResult =
  | { readonly ok: true; readonly claims: OutboundClaims }
  | { readonly ok: false; readonly reason: JwtRejection };

const fail = (reason: JwtRejection): VerifyOutboundResult => ({ ok: false, reason });

/** `1767225600.0` parses to an integer in JS; the host rejects it, so look at the text (wire-contract §3.3.2). */
const FRACTIONAL_TIME = /"(?:iat|nbf|exp)"\s*:\s*-?\d+(?:\.\d*|[eE])/;

function decodeText(segment: string): string | null {
  const bytes = decodeBase64url(segment);
  return bytes === null || bytes.length === 0 ? null : bytes.toString('utf8');
}

function decodeObject(segment: string): Record<string, unknown> | null {
  const text = decodeText(segment);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a host → ledger token the way the ledger is expected to
 * (wire-contract §3.2): HS256 pinned, `typ` JWT, iss `magento`, aud
 * `byte8-ledger`, `sub` = the tenant, integer times, `exp − iat` ≤ 60,
 * `iat` ≤ now + 30, `nbf` ≤ now, `exp` > now, fresh jti.
 * The caller records the jti once the whole request is accepted.
 */
export function verifyOutboundToken(token: string | null, options: VerifyOutboundOptions): VerifyOutboundResult {
  if (token === null || token === '') return fail('missing_token');
  const parts = token.split('.');
  if (parts.length !== 3) return fail('malformed');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];

  const header = decodeObject(headerPart);
  if (header === null) return fail('bad_header');
  if (header.alg !== 'HS256') return fail('unsupported_alg');
  if (header.typ !== 'JWT') return fail('unsupported_typ');

  // The key depends on the tenant, so peek at `sub` before the signature when the URL names none.
  const peek = decodeObject(payloadPart);
  const tenant = options.expectedTenant ?? (typeof peek?.sub === 'string' ? peek.sub : null);
  if (tenant === null) return fail('unknown_tenant');
  const key = options.keyFor(tenant);
  if (key === null) return fail('unknown_tenant');

  const expected = createHmac('sha256', key).update(`${headerPart}.${payloadPart}`).digest();
  const given = decodeBase64url(signaturePart);
  if (given === null || given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('bad_signature');

  const claims = peek;
  if (claims === null) return fail('bad_payload');
  if (claims.iss !== 'magento') return fail('iss_mismatch');
  if (claims.aud !== 'byte8-ledger') return fail('aud_mismatch');
  if (claims.sub !== tenant) return fail('sub_mismatch');
  const { iat, nbf, exp, jti } = claims;
  if (!Number.isInteger(iat) || !Number.isInteger(nbf) || !Number.isInteger(exp) || FRACTIONAL_TIME.test(decodeText(payloadPart) ?? '')) {
    return fail('non_integer_time');
  }
  if (typeof jti !== 'string' || jti === '') return fail('missing_jti');
  const times = { iat: iat as number, nbf: nbf as number, exp: exp as number };
  if (times.iat > options.now + (options.iatSkewSeconds ?? 30)) return fail('iat_in_future');
  if (times.nbf > options.now) return fail('not_yet_valid');
  if (times.exp <= options.now) return fail('expired');
  if (times.exp - times.iat > (options.maxTtlSeconds ?? 60)) return fail('ttl_too_long');
  if (options.seen(jti)) return fail('jti_replay');
  return { ok: true, claims: { iss: 'magento', sub: tenant, aud: 'byte8-ledger', ...times, jti } };
}
