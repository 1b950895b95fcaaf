/** True for ids the wire accepts as `magento_entity_id`: a positive integer. */
export function isWireEntityId(id: number): boolean {
  return Number.isInteger(id) && id > 0;
}

/**
 * A `website_id` or `store_id` as the envelope wants it: a non-negative
 * integer, 0 when the host did not know it (wire-contract §6.1).
 */
export function wireScope(id: number | null | undefined): number {
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : 0;
}
