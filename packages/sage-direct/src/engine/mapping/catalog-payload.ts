import type { Product } from '@byte8/core';
import { DocumentError } from '../delivery/document-error.js';
import type { SagePolicy } from '../policy/sage-policy.js';
import { ledgerAccountOf } from './artefact-lines.js';
import { decodeEntities, fit } from './text-fields.js';

/** The three Sage catalogue families (c.5, c.6). */
export type CatalogFamily = 'products' | 'services' | 'stock_items';

/** The skip reason of (b.1) for composite products. */
export const PRODUCT_TYPE_NOT_SUPPORTED = 'PRODUCT_TYPE_NOT_SUPPORTED';

/**
 * (b.1) routing by product type: `simple` -> `/products`, or `/stock_items`
 * when `syncStock` and the product manages stock; `virtual`, `downloadable`
 * -> `/services`; anything else (configurable, bundle, grouped) is skipped.
 */
export function familyOf(policy: SagePolicy, product: Product): CatalogFamily | null {
  if (product.product_type === 'simple') return policy.syncStock && product.manage_stock ? 'stock_items' : 'products';
  if (product.product_type === 'virtual' || product.product_type === 'downloadable') return 'services';
  return null;
}

export const ROOT_KEYS: Readonly<Record<CatalogFamily, string>> = { products: 'product', services: 'service', stock_items: 'stock_item' };

/**
 * The catalogue item body (c.6): description and item code (the SKU), the
 * sales ledger account and the purchase ledger account Sage demands (b.2),
 * and only `price`, in the base currency (b.1). The opening stock of a stock
 * item comes from a stock movement, not from the create.
 */
export function catalogBody(policy: SagePolicy, product: Product, family: CatalogFamily): Record<string, unknown> {
  const description = fit(decodeEntities(product.name), 255) ?? product.sku;
  if (family === 'stock_items' && product.sku.length > 30) {
    throw new DocumentError('validation', `SKU "${product.sku.slice(0, 40)}" is longer than the 30 characters Sage allows for a stock item code (c.7)`);
  }
  const item: Record<string, unknown> = {
    description,
    item_code: fit(product.sku, family === 'stock_items' ? 30 : 255),
    sales_ledger_account_id: ledgerAccountOf(policy),
    ...(policy.defaultPurchaseLedgerAccountId ? { purchase_ledger_account_id: policy.defaultPurchaseLedgerAccountId } : {}),
    ...(product.cost !== null && product.cost !== undefined && product.cost >= 0 ? { cost_price: product.cost } : {}),
  };
  const price = product.price ?? 0;
  if (family === 'services') item.sales_rates = [{ rate_name: 'Rate', rate: price, rate_includes_tax: false }];
  else item.sales_prices = [{ price_name: 'Selling Price', price, price_includes_tax: false }];
  return { [ROOT_KEYS[family]]: item };
}
