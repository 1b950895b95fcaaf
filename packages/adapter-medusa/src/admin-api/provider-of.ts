import type { Provider } from '@byte8/core';
import { AdminRequestError } from './admin-request-error.js';

/**
 * The provider a request names (`?provider=` or body). It may be left out
 * only when one provider is installed: with several, pairing, disconnecting
 * or requeueing "the first" would act on a provider the merchant did not pick.
 */
export function providerOf(providers: readonly Provider[], requested: unknown): Provider {
  if (requested === undefined || requested === null || requested === '') {
    if (providers.length === 1) return providers[0]!;
    throw new ProviderRequestError(`provider is required: several providers are installed (${keysOf(providers)})`);
  }
  const found = providers.find((p) => p.key === requested);
  if (!found) throw new ProviderRequestError(`unknown provider "${String(requested)}" (installed: ${keysOf(providers)})`);
  return found;
}

const keysOf = (providers: readonly Provider[]) => providers.map((p) => p.key).join(', ');

/** A request that names no installed provider: answered 400 with the message. */
export class ProviderRequestError extends AdminRequestError {
  constructor(message: string) {
    super(400, message);
  }
}
