import { createHash } from 'node:crypto';
import type { Random } from '@byte8/core';

/** 32 random bytes as base64url (43 characters): a state, a browser binding or a PKCE verifier (RFC 7636 §4.1). */
export function randomSecret(random: Random): string {
  return Buffer.from(random.bytes(32)).toString('base64url');
}

/** Hex SHA-256: how a state and a browser binding are stored (they are bearer values). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The PKCE S256 challenge of a verifier (RFC 7636 §4.2). */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
