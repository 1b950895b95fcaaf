import { eventKey } from '../../wire/idempotency-keys.js';
import type { ProviderEventRule } from '../provider-event.js';
import { isWireEntityId, wireScope } from './wire-scope.js';

/**
 * `invoice.created` (wire-contract §6.1): fires on the insert edge only, for
 * an open or paid invoice. A cancelled invoice never reaches the ledger, and
 * update saves are left to `invoice.paid`.
 */
export const invoiceCreatedRule: ProviderEventRule<'invoice'> = {
  event: 'invoice.created',
  on: 'invoice',
  fire({ before, after }) {
    if (before !== null || !isWireEntityId(after.id)) return null;
    if (after.state !== 'open' && after.state !== 'paid') return null;
    return {
      eventName: 'invoice.created',
      entityType: 'invoice',
      entityId: after.id,
      websiteId: wireScope(after.websiteId),
      storeId: wireScope(after.storeId),
      payload: { increment_id: after.incrementId, paid: after.state === 'paid' },
      idempotencyKey: eventKey('invoice.created', after.id),
      upsert: false,
    };
  },
};
