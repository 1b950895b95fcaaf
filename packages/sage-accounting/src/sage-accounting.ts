import { catalogEventRules, defineProvider, type Provider, salesEventRules } from '@byte8/core';
import { invoiceSyncCommand } from './commands/invoice-sync.js';
import { sageLabels } from './labels.js';

/** The `provider` column value for Sage in the mirror and the outbox. */
export const SAGE_PROVIDER_KEY = 'sage_accounting';

/**
 * The Sage Business Cloud Accounting provider: the five wire events of
 * wire-contract §6.1, Sage's labels and chips, the un-namespaced pairing
 * route, the dashboard health tile and `byte8 sage invoice:sync`.
 *
 * @example
 * const byte8 = await createByte8({ providers: [sageAccounting()], storage, canonicalSource });
 */
export function sageAccounting(): Provider {
  return defineProvider({
    key: SAGE_PROVIDER_KEY,
    cliName: 'sage',
    labels: sageLabels,
    // Sage came first: its pairing route has no namespace (wire-contract §4.2) ...
    pairingPath: '/V1/byte8/setup/pair',
    // ... and it is the ledger's legacy default binding, so its webhooks carry no `?provider=`.
    webhookProviderParam: null,
    // Created before paid: when one save fires both, created is enqueued first.
    events: [...salesEventRules, ...catalogEventRules],
    commands: [invoiceSyncCommand],
    healthTile: true,
  });
}
