import { eventKey } from '../../wire/idempotency-keys.js';
import type { ProviderEventRule } from '../provider-event.js';
import { isWireEntityId, wireScope } from './wire-scope.js';

/**
 * `creditmemo.created` (wire-contract §6.1): fires on every save; repeated
 * saves carry the same key, so the outbox collapses them.
 */
export const creditMemoCreatedRule: ProviderEventRule<'creditmemo'> = {
  event: 'creditmemo.created',
  on: 'creditmemo',
  fire({ after }) {
    if (!isWireEntityId(after.id)) return null;
    return {
      eventName: 'creditmemo.created',
      entityType: 'creditmemo',
      entityId: after.id,
      websiteId: wireScope(after.websiteId),
      storeId: wireScope(after.storeId),
      payload: { increment_id: after.incrementId },
      idempotencyKey: eventKey('creditmemo.created', after.id),
      upsert: false,
    };
  },
};
