import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../inbound/inbound-test-kit.test-helpers.js';
import { passFailures } from './pass-failures.js';

const midRandom = { bytes: (n: number) => Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 0x80 : 0)), uuid: () => '00000000-0000-4000-8000-000000000000' };

describe('passFailures', () => {
  it('doubles the sleep per failure in a row up to the cap, and starts over after a success', () => {
    const logger = capturingLogger();
    const f = passFailures({ firstDelayMs: 100, maxDelayMs: 1_000, logEveryMs: 60_000, random: midRandom, logger, now: () => 0 });
    expect([1, 2, 3, 4, 5, 6].map(() => f.failed(new Error('down')))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    f.succeeded();
    expect(f.failed(new Error('down'))).toBe(100);
  });

  it('logs an outage when it starts, then once per interval with the count, and its end', () => {
    const logger = capturingLogger();
    let t = 0;
    const f = passFailures({ firstDelayMs: 100, maxDelayMs: 1_000, logEveryMs: 60_000, random: midRandom, logger, now: () => t });
    for (let i = 0; i < 50; i++) {
      f.failed(new Error('connect ECONNREFUSED'));
      t += 1_000;
    }
    t += 20_000;
    f.failed(new Error('connect ECONNREFUSED'));
    f.succeeded();
    const lines = logger.lines.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.message)).toEqual([
      'drain pass failed; retrying with backoff',
      'drain pass failed; retrying with backoff',
      'drain passes succeed again',
    ]);
    expect(lines[0]).toMatchObject({ level: 'error', error: 'connect ECONNREFUSED', failuresInARow: 1 });
    expect(lines[1]).toMatchObject({ failuresInARow: 51, failedSinceLastLog: 50 });
    expect(lines[2]).toMatchObject({ level: 'info', failuresInARow: 51 });
  });

  it('spreads the sleep by +/-25 % with the random source', () => {
    const low = { ...midRandom, bytes: (n: number) => new Uint8Array(n) };
    const high = { ...midRandom, bytes: (n: number) => new Uint8Array(n).fill(0xff) };
    const make = (random: typeof midRandom) =>
      passFailures({ firstDelayMs: 1_000, maxDelayMs: 10_000, logEveryMs: 1, random, logger: capturingLogger(), now: () => 0 });
    expect(make(low).failed('x')).toBe(750);
    expect(make(high).failed('x')).toBe(1_250);
  });
});
