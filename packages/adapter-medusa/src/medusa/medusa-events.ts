/**
 * The Medusa 2.21 events the adapter subscribes to, as string literals so
 * subscribers need no runtime import of Medusa's utils. A test checks each
 * against Medusa's own constants, so an upgrade that renames one fails loudly.
 */
export const MEDUSA_EVENTS = {
  orderPlaced: 'order.placed',
  orderCanceled: 'order.canceled',
  paymentCaptured: 'payment.captured',
  paymentRefunded: 'payment.refunded',
  customerCreated: 'customer.created',
  customerUpdated: 'customer.updated',
  productCreated: 'product.created',
  productUpdated: 'product.updated',
  variantUpdated: 'product-variant.updated',
  inventoryLevelUpdated: 'inventory-level.updated',
} as const;
