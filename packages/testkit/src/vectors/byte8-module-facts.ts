import type { ProviderDefinition, ProviderLabels } from '@byte8/core';

/**
 * What Byte8's Magento connector modules declare per provider
 * (sage-and-providers a.1 and a.2), for the provider packages that stand for
 * them to check themselves against. Where a module's docs and code disagree
 * (section (e) of the same note) the code is what is recorded here: the
 * `_accounting` pairing routes, four observers for FreeAgent.
 *
 * Each module's declarations in the provider API's terms; `subscriptions` are
 * `on:event` per observer in declaration order, `commands` the command names
 * (`byte8:sage:invoice:sync` is `invoice:sync`), `labels` the detail block
 * title and grid column.
 */
export type Byte8ModuleFacts = Pick<ProviderDefinition, 'key' | 'pairingPath' | 'webhookProviderParam' | 'healthTile'> & {
  readonly subscriptions: readonly string[];
  readonly commands: readonly string[];
  readonly labels: Pick<ProviderLabels, 'name' | 'statusColumn'>;
};

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
