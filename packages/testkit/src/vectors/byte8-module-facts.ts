/**
 * What Byte8's Magento connector modules declare per provider
 * (sage-and-providers a.1 and a.2), for the provider packages that stand for
 * them to check themselves against. Where a module's docs and code disagree
 * (section (e) of the same note) the code is what is recorded here: the
 * `_accounting` pairing routes, four observers for FreeAgent.
 */
export interface Byte8ModuleFacts {
  /** `PROVIDER_KEY`: the mirror's `provider` column and the ledger's binding. */
  readonly key: string;
  /** The anonymous pairing route, without the `/rest` front name. */
  readonly pairingPath: string;
  /** `?provider=` on webhooks; null: none (the ledger's legacy default binding). */
  readonly webhookProviderParam: string | null;
  /** `on:event` per observer, in the order the module declares them. */
  readonly subscriptions: readonly string[];
  /** Console commands (`byte8:sage:invoice:sync` is `invoice:sync`). */
  readonly commands: readonly string[];
  /** The dashboard health tile (wire-contract §10.4). */
  readonly healthTile: boolean;
  /** Detail block title and grid column label. */
  readonly labels: { readonly name: string; readonly statusColumn: string };
}

const SALES = ['invoice:invoice.created', 'invoice:invoice.paid', 'creditmemo:creditmemo.created', 'customer:customer.upserted'];
const CATALOG = ['product:product.upserted', 'stock:product.upserted'];

export const BYTE8_MODULE_FACTS: Readonly<Record<'sage' | 'xero' | 'freeagent', Byte8ModuleFacts>> = Object.freeze({
  sage: { key: 'sage_accounting', pairingPath: '/V1/byte8/setup/pair', webhookProviderParam: null, subscriptions: [...SALES, ...CATALOG],
    commands: ['invoice:sync'], healthTile: true, labels: { name: 'Sage Accounting', statusColumn: 'Sage Status' } },
  // Xero: no product or stock observer (products are not in the Xero MVP).
  xero: { key: 'xero', pairingPath: '/V1/byte8/xero_accounting/setup/pair', webhookProviderParam: 'xero', subscriptions: SALES,
    commands: [], healthTile: false, labels: { name: 'Xero Accounting', statusColumn: 'Xero Status' } },
  // FreeAgent: its docs describe product sync, its code has no product observer.
  freeagent: { key: 'freeagent', pairingPath: '/V1/byte8/freeagent_accounting/setup/pair', webhookProviderParam: 'freeagent', subscriptions: SALES,
    commands: [], healthTile: false, labels: { name: 'FreeAgent Accounting', statusColumn: 'FreeAgent Status' } },
});
