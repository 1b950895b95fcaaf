import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MEDUSA_EVENTS } from './medusa-events.js';

const require = createRequire(import.meta.url);
const utils = require('@medusajs/framework/utils');

describe('Medusa event names the adapter relies on', () => {
  it('match the constants of the installed Medusa', () => {
    expect(MEDUSA_EVENTS).toEqual({
      orderPlaced: utils.OrderWorkflowEvents.PLACED,
      orderCanceled: utils.OrderWorkflowEvents.CANCELED,
      paymentCaptured: utils.PaymentEvents.CAPTURED,
      paymentRefunded: utils.PaymentEvents.REFUNDED,
      customerCreated: utils.CustomerWorkflowEvents.CREATED,
      customerUpdated: utils.CustomerWorkflowEvents.UPDATED,
      productCreated: utils.ProductWorkflowEvents.CREATED,
      productUpdated: utils.ProductWorkflowEvents.UPDATED,
      variantUpdated: utils.ProductVariantWorkflowEvents.UPDATED,
      inventoryLevelUpdated: utils.InventoryLevelWorkflowEvents.UPDATED,
    });
  });
});
