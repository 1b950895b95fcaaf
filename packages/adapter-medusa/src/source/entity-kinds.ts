/**
 * Id spaces of the Medusa string ids aliased to wire integers. An order is
 * the invoice; a refund (`ref_…`) is a credit memo; a variant is the product.
 */
export const ENTITY_KINDS = {
  invoice: 'invoice',
  creditmemo: 'creditmemo',
  customer: 'customer',
  product: 'product',
} as const;
