import type { Provider } from '@byte8/core';
import { describe, it } from 'vitest';
import type { Byte8ModuleFacts } from '../vectors/byte8-module-facts.js';
import { moduleFactsCheck } from './module-facts-check.js';
import { PROVIDER_CHECKS } from './provider-checks.js';

export interface ProviderConformanceOptions {
  /** The Byte8 Magento module the provider stands for (`BYTE8_MODULE_FACTS.xero`), checked declaration by declaration. */
  readonly module?: Byte8ModuleFacts;
}

/**
 * Registers with vitest the checks every provider package must pass: its
 * definition is complete, its rules fire exactly as wire-contract §6.1 says
 * for the events it subscribes to (and nothing for the others), with the
 * contract's keys and payloads, and every event makes a valid envelope.
 * With `module`, also that it declares what that Byte8 module declares.
 *
 * @example
 * // xero-accounting.test.ts
 * runProviderConformance(xeroAccounting(), { module: BYTE8_MODULE_FACTS.xero });
 */
export function runProviderConformance(provider: Provider, options: ProviderConformanceOptions = {}): void {
  const checks = options.module ? [moduleFactsCheck(options.module), ...PROVIDER_CHECKS] : PROVIDER_CHECKS;
  describe(`provider conformance: ${provider.key}`, () => {
    for (const check of checks) it(check.name, () => check.run(provider));
  });
}
