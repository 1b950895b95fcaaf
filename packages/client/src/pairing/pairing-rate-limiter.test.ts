import { describe, expect, it } from 'vitest';
import { createPairingRateLimiter } from './pairing-rate-limiter.js';

function clockAt(start: number) {
  let now = start;
  return { clock: { now: () => new Date(now) }, advance: (ms: number) => (now += ms) };
}

describe('createPairingRateLimiter', () => {
  it('allows the per-address budget in a window, then refuses with the seconds left', () => {
    const { clock, advance } = clockAt(60_000 * 1000);
    const limiter = createPairingRateLimiter({ perAddress: 3, clock });
    expect([1, 2, 3].map(() => limiter.take('10.0.0.1').allowed)).toEqual([true, true, true]);
    advance(15_000);
    expect(limiter.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.take('10.0.0.2').allowed).toBe(true);
    advance(45_000);
    expect(limiter.take('10.0.0.1').allowed).toBe(true);
  });

  it('caps all addresses together', () => {
    const { clock } = clockAt(0);
    const limiter = createPairingRateLimiter({ perAddress: 10, global: 5, clock });
    const results = Array.from({ length: 8 }, (_, i) => limiter.take(`10.0.0.${i}`).allowed);
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
  });

  it('validates its options with the setting name', () => {
    expect(() => createPairingRateLimiter({ perAddress: 0, clock: { now: () => new Date() } })).toThrow(/pairingRateLimit.perAddress/);
  });
});
