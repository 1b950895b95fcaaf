import { describe, expect, it } from 'vitest';
import { parseLastSyncAt } from './parse-last-sync-at.js';

const now = new Date('2026-05-01T00:00:00Z');

describe('parseLastSyncAt', () => {
  it.each([
    ['2026-04-29T10:11:12Z', '2026-04-29T10:11:12.000Z'],
    ['2026-04-29 10:11:12', '2026-04-29T10:11:12.000Z'],
    ['2026-04-29T10:11:12', '2026-04-29T10:11:12.000Z'],
    ['2026-04-29T12:11:12+02:00', '2026-04-29T10:11:12.000Z'],
    ['2026-04-29T05:11:12-0500', '2026-04-29T10:11:12.000Z'],
    ['2026-04-29T10:11:12.345Z', '2026-04-29T10:11:12.345Z'],
  ])('reads %s', (input, expected) => {
    expect(parseLastSyncAt(input, now)?.toISOString()).toBe(expected);
  });

  it('defaults to now', () => {
    expect(parseLastSyncAt(null, now)).toBe(now);
  });

  it.each(['', 'yesterday', '2026-02-30 00:00:00', '2026-04-29T24:00:00Z', '2026-04-29', '1714385472', '2026-04-29T10:11:12+25:00'])('refuses %j', (input) => {
    expect(parseLastSyncAt(input, now)).toBeUndefined();
  });
});
