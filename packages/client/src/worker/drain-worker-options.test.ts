import { describe, expect, it } from 'vitest';
import { resolveWorkerOptions } from './drain-worker-options.js';

describe('resolveWorkerOptions', () => {
  it('refuses a lease shorter than the longest pass, saying how long that is and what to change', () => {
    // ceil(200 / 32) = 7 rounds of the 15 s delivery timeout, plus a second: 106 s.
    expect(() => resolveWorkerOptions({ leaseMs: 60_000 })).toThrow(
      'drain worker option leaseMs (60000 ms) must outlast the longest pass: ceil(batchSize 200 / concurrency 32) = 7 rounds x 15000 ms delivery timeout + 1000 ms = 106000 ms; raise leaseMs or concurrency, or lower batchSize or the ledger\'s totalTimeoutMs',
    );
    expect(resolveWorkerOptions({ leaseMs: 106_000 }).leaseMs).toBe(106_000);
    expect(() => resolveWorkerOptions({ leaseMs: 5_000, batchSize: 50, concurrency: 8, deliveryTimeoutMs: 2_000 })).toThrow(/= 15000 ms/);
    expect(resolveWorkerOptions({ leaseMs: 5_000, batchSize: 50, concurrency: 25, deliveryTimeoutMs: 2_000 }).leaseMs).toBe(5_000);
  });

  it('accepts the defaults, and refuses bad values naming the option', () => {
    expect(resolveWorkerOptions({})).toMatchObject({ batchSize: 200, concurrency: 32, leaseMs: 300_000, deliveryTimeoutMs: 15_000 });
    for (const [name, value] of [['batchSize', 0], ['concurrency', 1.5], ['leaseMs', -1], ['deliveryTimeoutMs', '15s']] as const) {
      expect(() => resolveWorkerOptions({ [name]: value } as never)).toThrow(new RegExp(`option ${name} must be an integer`));
    }
  });
});
