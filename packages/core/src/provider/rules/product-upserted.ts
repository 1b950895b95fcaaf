import { eventKey } from '../../wire/idempotency-keys.js';
import type { FiredEvent, ProviderEventRule } from '../provider-event.js';
import { isWireEntityId } from './wire-scope.js';

function productUpserted(productId: number): FiredEvent | null {
  if (!isWireEntityId(productId)) return null;
  return {
    eventName: 'product.upserted',
    entityType: 'product',
    entityId: productId,
    websiteId: 0,
    storeId: 0,
    payload: {},
    idempotencyKey: eventKey('product.upserted', productId),
    upsert: true,
  };
}

/** `product.upserted` from a catalog save (wire-contract §6.1); the ledger decides whether to sync. */
export const productUpsertedRule: ProviderEventRule<'product'> = {
  event: 'product.upserted',
  on: 'product',
  fire: ({ after }) => productUpserted(after.id),
};

/**
 * `product.upserted` from a stock save. It shares the product's key, so a
 * catalog save and a stock save of one product collapse into one delivery.
 */
export const stockUpsertedRule: ProviderEventRule<'stock'> = {
  event: 'product.upserted',
  on: 'stock',
  fire: ({ productId }) => productUpserted(productId),
};
