import { z } from 'zod';
import { optionalMoney, optionalString, optionalTimestamp, wireId } from './primitives.js';

/** Product (wire-contract §8.7). */
export const productSchema = z.object({
  magento_id: wireId,
  sku: z.string(),
  name: z.string(),
  product_type: z.string(),
  price: optionalMoney,
  special_price: optionalMoney,
  cost: optionalMoney,
  weight: optionalMoney,
  stock_qty: optionalMoney,
  manage_stock: z.boolean(),
  tax_class: optionalString,
  website_ids: z.array(wireId),
  created_at: optionalTimestamp,
  updated_at: optionalTimestamp,
});
export type Product = z.input<typeof productSchema>;
