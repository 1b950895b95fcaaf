import { describe, it } from 'vitest';
import { CONFORMANCE_CHECKS } from './conformance-checks.js';
import type { ConformanceOptions, MakeConformanceHost } from './conformance-host.js';

/**
 * Registers the host conformance suite with vitest: one test per step of the
 * contract, each against a fresh host from `makeHost` and a fresh simulator.
 *
 * @example
 * // adapter.conformance.test.ts
 * runHostConformance('express adapter', async () => buildTestShop());
 */
export function runHostConformance(name: string, makeHost: MakeConformanceHost, options: ConformanceOptions & { readonly timeoutMs?: number } = {}): void {
  describe(`host conformance: ${name}`, () => {
    for (const check of CONFORMANCE_CHECKS) {
      it(check.name, () => check.run(makeHost, options), options.timeoutMs ?? 30_000);
    }
  });
}
