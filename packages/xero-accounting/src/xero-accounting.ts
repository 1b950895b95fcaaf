import { defineProvider, type Provider, salesEventRules } from '@byte8/core';
import { xeroLabels } from './labels.js';

/** The `provider` column value for Xero in the mirror and the outbox, and its `?provider=` on webhooks. */
export const XERO_PROVIDER_KEY = 'xero';

/**
 * The Xero provider, as Byte8's Xero module declares it: invoices, payments,
 * credit memos and customers (no products), "Xero Status" chips, pairing on
 * `/V1/byte8/xero_accounting/setup/pair`, webhooks with `?provider=xero`.
 * No CLI command and no dashboard tile. Everything else is the ledger's.
 *
 * @example
 * const byte8 = await createByte8({ providers: [sageAccounting(), xeroAccounting()], storage, canonicalSource });
 */
export function xeroAccounting(): Provider {
  // The defaults of defineProvider() are Byte8's conventions for a namespaced provider:
  // cliName `xero`, route `/V1/byte8/xero_accounting/setup/pair`, `?provider=xero`.
  return defineProvider({ key: XERO_PROVIDER_KEY, labels: xeroLabels, events: salesEventRules });
}
