const DATABASE_FORM = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ISO_FORM = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * `last_sync_at` of the sync-state callback (wire-contract §7.9): ISO-8601
 * (`2026-04-29T10:11:12Z`, an offset, or no zone meaning UTC) or the database
 * form `YYYY-MM-DD HH:MM:SS` in UTC. Null means now. Returns undefined for
 * anything else, including impossible dates such as February 30.
 */
export function parseLastSyncAt(value: string | null, now: Date): Date | undefined {
  if (value === null) return now;
  const match = DATABASE_FORM.exec(value) ?? ISO_FORM.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const exact =
    utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day &&
    utc.getUTCHours() === hour && utc.getUTCMinutes() === minute && utc.getUTCSeconds() === second;
  if (!exact) return undefined;
  const fraction = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
  const zone = match[8];
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (digits[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return new Date(utc.getTime() + Math.floor(fraction) - offsetMinutes * 60_000);
}
