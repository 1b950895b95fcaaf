import type { InboundResponse } from '../app/inbound-types.js';
import { type PairProviderDeps, pairProvider } from '../pairing/pair-provider.js';
import type { PairingRateLimiter } from '../pairing/pairing-rate-limiter.js';
import { readJsonBody } from './read-json-body.js';
import { errorResponse, voidResponse } from './responses.js';

/**
 * A provider's anonymous pairing route (wire-contract §4.2): rate limited
 * per source address and globally (429), then `pairProvider`. Success is the
 * void answer, 200 `[]`.
 */
export async function servePair(
  deps: PairProviderDeps & { readonly rateLimiter: PairingRateLimiter },
  provider: string,
  request: { readonly rawBody: Uint8Array | string; readonly remoteAddress: string },
): Promise<InboundResponse> {
  const decision = await deps.rateLimiter.take(request.remoteAddress);
  if (!decision.allowed) {
    deps.logger.warn({ provider }, 'byte8: pairing attempt rate limited');
    return errorResponse(429, 'Too many pairing attempts. Try again in %1 seconds.', [decision.retryAfterSeconds], {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }
  const body = readJsonBody(request.rawBody);
  if (!body.ok) return errorResponse(400, body.message);
  const outcome = await pairProvider(deps, provider, body.params);
  return outcome.ok ? voidResponse() : errorResponse(outcome.status, outcome.message);
}
