import type { Product } from '@byte8/core';
import type { GraphVariant } from './graph-types.js';
import { toMoney } from './numbers.js';
import { wireTime } from './timestamps.js';

export interface ProductIds {
  readonly productId: number;
  readonly websiteId: number;
  /** Currency whose price is sent; the first price when absent or missing. */
  readonly priceCurrency?: string | undefined;
}

/**
 * A Medusa variant as the contract's product (wire-contract §8.7): a variant
 * is what has a SKU, a price and stock. Stock is the sum over locations.
 */
export function toProduct(variant: GraphVariant, ids: ProductIds): Product {
  const prices = variant.prices ?? [];
  const wanted = ids.priceCurrency?.toLowerCase();
  const price = prices.find((p) => wanted && p.currency_code?.toLowerCase() === wanted) ?? prices[0];
  const levels = (variant.inventory_items ?? []).flatMap((link) => link.inventory?.location_levels ?? []);
  const managed = Boolean(variant.manage_inventory);
  const title = variant.product?.title ?? '';
  const name = variant.title && variant.title !== 'Default variant' && variant.title !== title ? `${title} - ${variant.title}` : title;
  return {
    magento_id: ids.productId,
    sku: variant.sku ?? variant.id,
    name: name || (variant.title ?? variant.id),
    product_type: variant.product?.is_giftcard ? 'virtual' : 'simple',
    price: price ? toMoney(price.amount) : null,
    weight: variant.weight === null || variant.weight === undefined ? null : toMoney(variant.weight),
    stock_qty: managed && levels.length > 0 ? levels.reduce((sum, level) => sum + toMoney(level.stocked_quantity), 0) : null,
    manage_stock: managed,
    website_ids: [ids.websiteId],
    created_at: wireTime(variant.created_at),
    updated_at: wireTime(variant.updated_at),
  };
}
