import { describe, expect, it } from 'vitest';
import { createPairingRateLimiter } from '../pairing/pairing-rate-limiter.js';
import { dialects, useStorage } from './contract-setup.test-helpers.js';

describe.each(dialects)('rate-limit counters on $name', (dialect) => {
  const h = useStorage(dialect);
  const w1 = new Date('2026-05-01T10:00:00Z');
  const w2 = new Date('2026-05-01T10:01:00Z');

  it('counts hits per bucket and window, starting over in a new window', async () => {
    const store = h.storage.rateLimits;
    expect([await store.hit('a', w1), await store.hit('a', w1), await store.hit('b', w1)]).toEqual([1, 2, 1]);
    await store.unhit('a', w1);
    expect(await store.hit('a', w1)).toBe(2);
    expect(await store.hit('a', w2)).toBe(1);
    await store.unhit('a', w1); // a past window: nothing to take back
    expect(await store.hit('a', w2)).toBe(2);
    expect(await store.purgeBefore(w2)).toBe(1); // b's row, still on w1
    expect(await store.hit('b', w2)).toBe(1);
  });

  it('loses no hit when many arrive at once', async () => {
    const other = await h.open();
    const hits = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? other : h.storage).rateLimits.hit('busy', w1)));
    expect([...hits].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('refuses bad input and writes nothing', async () => {
    await expect(h.storage.rateLimits.hit('', w1)).rejects.toThrow(/bucket/);
    await expect(h.storage.rateLimits.hit('x'.repeat(129), w1)).rejects.toThrow(/bucket/);
    await expect(h.storage.rateLimits.hit('a', new Date('nope'))).rejects.toThrow(/valid Date/);
    await expect(h.storage.rateLimits.hit(7 as never, w1)).rejects.toThrow(/bucket/);
    expect(await h.storage.rateLimits.purgeBefore(new Date('2100-01-01'))).toBe(0);
  });

  it('gives two instances over one database one pairing budget', async () => {
    const clock = { now: () => new Date('2026-05-01T10:00:30Z') };
    const other = await h.open();
    const a = createPairingRateLimiter({ perAddress: 3, clock, store: h.storage.rateLimits });
    const b = createPairingRateLimiter({ perAddress: 3, clock, store: other.rateLimits });
    const results = [];
    for (const limiter of [a, b, a, b, a]) results.push((await limiter.take('203.0.113.9')).allowed);
    expect(results).toEqual([true, true, true, false, false]);
  });
});
