import { describe, expect, it } from 'vitest';
import { createPairingRateLimiter } from './pairing-rate-limiter.js';

function clockAt(start: number) {
  let now = start;
  return { clock: { now: () => new Date(now) }, advance: (ms: number) => (now += ms) };
}

const allowed = async (limiter: ReturnType<typeof createPairingRateLimiter>, address: string) => (await limiter.take(address)).allowed;

describe('createPairingRateLimiter', () => {
  it('allows the per-address budget in a window, then refuses with the seconds left', async () => {
    const { clock, advance } = clockAt(60_000 * 1000);
    const limiter = createPairingRateLimiter({ perAddress: 3, clock });
    expect([await allowed(limiter, '10.0.0.1'), await allowed(limiter, '10.0.0.1'), await allowed(limiter, '10.0.0.1')]).toEqual([true, true, true]);
    advance(15_000);
    expect(await limiter.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await allowed(limiter, '10.0.0.2')).toBe(true);
    advance(45_000);
    expect(await allowed(limiter, '10.0.0.1')).toBe(true);
  });

  it('caps all addresses together, and does not count an address refused on its own budget', async () => {
    const { clock } = clockAt(0);
    const limiter = createPairingRateLimiter({ perAddress: 10, global: 5, clock });
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await allowed(limiter, `10.0.0.${i}`));
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
    const strict = createPairingRateLimiter({ perAddress: 1, global: 3, clock });
    expect([await allowed(strict, 'a'), await allowed(strict, 'a'), await allowed(strict, 'a'), await allowed(strict, 'b'), await allowed(strict, 'c')]).toEqual([
      true, false, false, true, true,
    ]);
  });

  it('validates its options with the setting name', () => {
    expect(() => createPairingRateLimiter({ perAddress: 0, clock: { now: () => new Date() } })).toThrow(/pairingRateLimit.perAddress/);
  });
});
