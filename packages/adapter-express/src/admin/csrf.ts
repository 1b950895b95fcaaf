import { randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_COOKIE = 'byte8_csrf';
export const CSRF_FIELD = '_csrf';

/** A fresh double-submit token (256 bits, base64url). */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Double-submit check: the form field must equal the cookie, compared in
 * constant time. The cookie is SameSite=Strict and HttpOnly, so another site
 * can neither send it nor read it to forge the field.
 */
export function csrfTokensMatch(cookie: string | undefined, field: unknown): boolean {
  if (typeof cookie !== 'string' || typeof field !== 'string' || cookie.length < 32) return false;
  const a = Buffer.from(cookie);
  const b = Buffer.from(field);
  return a.length === b.length && timingSafeEqual(a, b);
}
