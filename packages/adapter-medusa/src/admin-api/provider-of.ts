import type { Provider } from '@byte8/core';

/** The provider a request names (`?provider=` or body), defaulting to the first installed. */
export function providerOf(providers: readonly Provider[], requested: unknown): Provider {
  if (requested === undefined || requested === null || requested === '') return providers[0]!;
  const found = providers.find((p) => p.key === requested);
  if (!found) throw new UnknownProviderError(String(requested));
  return found;
}

export class UnknownProviderError extends Error {
  constructor(key: string) {
    super(`unknown provider "${key}"`);
  }
}
