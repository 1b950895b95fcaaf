import {
  type AnyProviderEventRule,
  creditMemoCreatedRule,
  customerUpsertedRule,
  defineProvider,
  invoiceCreatedRule,
  invoicePaidRule,
  type Provider,
} from '@byte8/core';

// The firing rules of wire-contract §6.1 without product/stock, as Byte8's
// FreeAgent module has them.
const events: readonly AnyProviderEventRule[] = [invoiceCreatedRule, invoicePaidRule, creditMemoCreatedRule, customerUpsertedRule];

/**
 * A second provider for coexistence tests, shaped like Byte8's FreeAgent
 * module: key `freeagent`, four events (no product or stock), a namespaced
 * pairing route and `?provider=freeagent` on webhooks.
 */
export function freeAgent(): Provider {
  return defineProvider({
    key: 'freeagent',
    cliName: 'freeagent',
    labels: {
      name: 'FreeAgent',
      statusColumn: 'FreeAgent Status',
      chips: { synced: '✓ Synced', pending: '⏳ Pending', skipped: '⏸ Skipped', failed: '✗ Failed', none: '—' },
    },
    pairingPath: '/V1/byte8/freeagent/setup/pair',
    webhookProviderParam: 'freeagent',
    events,
  });
}
