import { UsageError } from './cli-errors.js';

/**
 * A whole number >= `min` (and <= `max` when given) from a flag, or a usage
 * error naming the flag and the range.
 */
export function parseInteger(
  flag: string,
  value: string,
  min: number,
  error: new (message: string) => Error = UsageError,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const trimmed = value.trim();
  const number = /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new error(`${flag} must be an integer ${range}; got "${value}"`);
  }
  return number;
}

/** `2026-01-31` (UTC midnight) or a full ISO-8601 timestamp. */
export function parseDate(flag: string, value: string): Date {
  const text = value.trim();
  // Dates and zone-less timestamps are UTC, whatever the machine's zone.
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /T[\d:.]+$/.test(text) ? `${text}Z` : text;
  const date = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(iso) ? new Date(iso) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} must be a date (YYYY-MM-DD) or an ISO-8601 timestamp; got "${value}"`);
  return date;
}

/** `3723` seconds as `1h 2m 3s`. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const parts: string[] = [];
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d) parts.push(`${d}d`);
  if (h) parts.push(`${h}h`);
  if (m) parts.push(`${m}m`);
  if (s || parts.length === 0) parts.push(`${s}s`);
  return parts.slice(0, 2).join(' ');
}
