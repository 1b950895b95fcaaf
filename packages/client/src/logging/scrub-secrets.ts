import { REDACTED } from './secret-paths.js';

// A JWT is three base64url segments; the header always starts with `eyJ` (`{"`).
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){0,2}/g;
// Authorization header values that were pasted into a message.
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

/** Masks JWT-looking strings and bearer credentials inside free text. */
export function scrubSecrets(text: string): string {
  return text.replace(JWT_LIKE, `${REDACTED}`).replace(BEARER, `$1 ${REDACTED}`);
}

/**
 * Returns `value` with every string inside it scrubbed. Objects are copied,
 * never mutated: callers may log their own live objects.
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (value instanceof Error) {
    return { type: value.name, message: scrubSecrets(value.message), stack: value.stack ? scrubSecrets(value.stack) : undefined };
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubValue(item, depth + 1);
  return copy;
}
