/** The body as a JSON object, or why it is not one. */
export type JsonBody = { readonly ok: true; readonly params: Record<string, unknown> } | { readonly ok: false; readonly message: string };

/**
 * Parses a request body that must be a JSON object, and renames camelCase
 * top-level members to snake_case (Magento maps both spellings onto the
 * service parameters, wire-contract §4.2); a snake_case member wins when both
 * are sent.
 */
export function readJsonBody(rawBody: Uint8Array | string): JsonBody {
  const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
  if (text.trim() === '') return { ok: false, message: 'The request body is empty; a JSON object is expected.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'The request body must be a JSON object.' };
  }
  const params: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (snake === key || !Object.hasOwn(value, snake)) params[snake] = member;
  }
  return { ok: true, params };
}
