import { createHash } from 'node:crypto';
import { constantTimeEqual } from './constant-time-equal.js';

export type PkceMethod = 'S256' | 'plain';

export interface PkceChallenge {
  readonly value: string;
  readonly method: PkceMethod;
}

/** RFC 7636 §4.1-4.2: 43-128 unreserved characters, for challenges and verifiers alike (c.2). */
const PKCE_STRING = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isPkceString(value: string): boolean {
  return PKCE_STRING.test(value);
}

export function isPkceMethod(value: string): value is PkceMethod {
  return value === 'S256' || value === 'plain';
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function verifierMatches(verifier: string, challenge: PkceChallenge): boolean {
  if (!isPkceString(verifier)) return false;
  const derived = challenge.method === 'S256' ? s256Challenge(verifier) : verifier;
  return constantTimeEqual(derived, challenge.value);
}
