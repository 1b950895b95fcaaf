import { createHash, timingSafeEqual } from 'node:crypto';

/** A pairing code is accepted up to and including this age (wire-contract §4.2 step 4). */
export const PAIRING_CODE_TTL_SECONDS = 1800;

/** Lowercase hex SHA-256 of the code exactly as sent after trimming (case-sensitive, §4.2). */
export function hashPairingCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/** Constant-time equality of two hex digests. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
