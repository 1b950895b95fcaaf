/**
 * Parses `Retry-After` (RFC 9110 §10.2.3): delay seconds or an HTTP date.
 * Returns milliseconds from `now` (never negative), or null when absent or
 * unparseable.
 */
export function parseRetryAfter(value: string | readonly string[] | undefined, now: Date): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Dates must at least name a weekday or month; Date.parse accepts too much otherwise.
  if (!/[A-Za-z]{3}/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
