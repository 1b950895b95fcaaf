import type { Provider } from '@byte8/core';

/** Duck-types a provider from `defineProvider()` (a host may bring a copy of core of its own). */
export function isProvider(value: unknown): value is Provider {
  const candidate = value as Partial<Provider> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.key === 'string' && typeof candidate.eventsFor === 'function';
}
