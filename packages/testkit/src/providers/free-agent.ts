import { type AnyProviderEventRule, defineProvider, eventKey, type FiredEvent, type Provider } from '@byte8/core';

const isId = (id: number): boolean => Number.isInteger(id) && id > 0;
const scope = (id: number): number => (Number.isInteger(id) && id >= 0 ? id : 0);

function fired(
  eventName: FiredEvent['eventName'],
  entityType: FiredEvent['entityType'],
  entity: { readonly id: number; readonly websiteId: number; readonly storeId?: number },
  payload: FiredEvent['payload'],
): FiredEvent {
  return {
    eventName,
    entityType,
    entityId: entity.id,
    websiteId: scope(entity.websiteId),
    storeId: scope(entity.storeId ?? 0),
    payload,
    idempotencyKey: eventKey(eventName, entity.id),
    upsert: eventName === 'customer.upserted',
  };
}

// The firing rules of wire-contract §6.1 without product/stock, as Byte8's
// FreeAgent module has them.
const events: readonly AnyProviderEventRule[] = [
  {
    event: 'invoice.created',
    on: 'invoice',
    fire: ({ before, after }) =>
      before === null && isId(after.id) && (after.state === 'open' || after.state === 'paid')
        ? fired('invoice.created', 'invoice', after, { increment_id: after.incrementId, paid: after.state === 'paid' })
        : null,
  },
  {
    event: 'invoice.paid',
    on: 'invoice',
    fire: ({ before, after }) =>
      isId(after.id) && after.state === 'paid' && before?.state !== 'paid'
        ? fired('invoice.paid', 'invoice', after, { increment_id: after.incrementId })
        : null,
  },
  {
    event: 'creditmemo.created',
    on: 'creditmemo',
    fire: ({ after }) => (isId(after.id) ? fired('creditmemo.created', 'creditmemo', after, { increment_id: after.incrementId }) : null),
  },
  {
    event: 'customer.upserted',
    on: 'customer',
    fire: ({ after }) => (isId(after.id) ? fired('customer.upserted', 'customer', after, {}) : null),
  },
];

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
