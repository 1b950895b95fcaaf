/** The named entities a shop's product names carry; others lose their `&` and `;`. */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', trade: '™', reg: '®', copy: '©', euro: '€', pound: '£',
  hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', deg: '°', times: '×',
};

/** (b.8 §22, c.8) Sage rejects raw HTML entities in line descriptions: decode them. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (_, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1]?.toLowerCase() === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[entity.toLowerCase()] ?? entity;
  });
}

/** Cuts to `max` characters (Sage's field limits, c.7), or null for an empty value. */
export function fit(text: string | null | undefined, max: number): string | null {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? null : trimmed.slice(0, max);
}

/** Money to two decimals, as Sage stores it. */
export const round2 = (value: number): number => Math.round((value + Number.EPSILON) * 100) / 100;

/** `YYYY-MM-DD` of a wire timestamp (Sage dates, c.6); today for an empty one. */
export function sageDate(timestamp: string | null | undefined, now: Date): string {
  const parsed = timestamp ? new Date(timestamp) : now;
  return (Number.isNaN(parsed.getTime()) ? now : parsed).toISOString().slice(0, 10);
}
