import { eventKey } from '../../wire/idempotency-keys.js';
import type { ProviderEventRule } from '../provider-event.js';
import { isWireEntityId, wireScope } from './wire-scope.js';

/**
 * `invoice.paid` (wire-contract §6.1): fires on the transition into paid,
 * which covers a fresh paid insert (capture online) and open -> paid. Saving
 * an already paid invoice again fires nothing.
 */
export const invoicePaidRule: ProviderEventRule<'invoice'> = {
  event: 'invoice.paid',
  on: 'invoice',
  fire({ before, after }) {
    if (!isWireEntityId(after.id) || after.state !== 'paid') return null;
    if (before !== null && before.state === 'paid') return null;
    return {
      eventName: 'invoice.paid',
      entityType: 'invoice',
      entityId: after.id,
      websiteId: wireScope(after.websiteId),
      storeId: wireScope(after.storeId),
      payload: { increment_id: after.incrementId },
      idempotencyKey: eventKey('invoice.paid', after.id),
      upsert: false,
    };
  },
};
