/**
 * Id spaces of the Medusa string ids aliased to wire integers. An order is
 * the invoice; a refund (`ref_…`) or a return (`return_…`) is a credit memo;
 * a variant is the product.
 */
export const ENTITY_KINDS = {
  invoice: 'invoice',
  creditmemo: 'creditmemo',
  customer: 'customer',
  product: 'product',
} as const;

/** Credit memos alias two Medusa records; the id prefix tells them apart. */
export function isReturnId(hostId: string): boolean {
  return hostId.startsWith('return_');
}
