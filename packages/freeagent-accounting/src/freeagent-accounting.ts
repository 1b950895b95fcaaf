import { defineProvider, type Provider, salesEventRules } from '@byte8/core';
import { freeAgentLabels } from './labels.js';

/** The `provider` column value for FreeAgent in the mirror and the outbox, and its `?provider=` on webhooks. */
export const FREEAGENT_PROVIDER_KEY = 'freeagent';

/**
 * The FreeAgent provider, as the code of Byte8's FreeAgent module has it:
 * four observers (its docs also promise products; the code has no product
 * observer), "FreeAgent Status" chips, pairing on
 * `/V1/byte8/freeagent_accounting/setup/pair`, webhooks with
 * `?provider=freeagent`. No CLI command and no dashboard tile.
 *
 * @example
 * const byte8 = await createByte8({ providers: [freeAgentAccounting()], storage, canonicalSource });
 */
export function freeAgentAccounting(): Provider {
  return defineProvider({ key: FREEAGENT_PROVIDER_KEY, labels: freeAgentLabels, events: salesEventRules });
}
