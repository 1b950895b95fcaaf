import { eventKey } from '../../wire/idempotency-keys.js';
import type { ProviderEventRule } from '../provider-event.js';
import { isWireEntityId, wireScope } from './wire-scope.js';

/**
 * `customer.upserted` (wire-contract §6.1): every save; the envelope carries
 * the customer's own website and store 0, the payload is empty.
 */
export const customerUpsertedRule: ProviderEventRule<'customer'> = {
  event: 'customer.upserted',
  on: 'customer',
  fire({ after }) {
    if (!isWireEntityId(after.id)) return null;
    return {
      eventName: 'customer.upserted',
      entityType: 'customer',
      entityId: after.id,
      websiteId: wireScope(after.websiteId),
      storeId: 0,
      payload: {},
      idempotencyKey: eventKey('customer.upserted', after.id),
      upsert: true,
    };
  },
};
