import type { Provider } from '@byte8/core';
import { AdminRequestError } from './admin-request-error.js';

/** The provider a request names (`?provider=` or body), defaulting to the first installed. */
export function providerOf(providers: readonly Provider[], requested: unknown): Provider {
  if (requested === undefined || requested === null || requested === '') return providers[0]!;
  const found = providers.find((p) => p.key === requested);
  if (!found) throw new UnknownProviderError(String(requested));
  return found;
}

export class UnknownProviderError extends AdminRequestError {
  constructor(key: string) {
    super(400, `unknown provider "${key}"`);
  }
}
