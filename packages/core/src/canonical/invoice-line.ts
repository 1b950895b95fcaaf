import { z } from 'zod';
import { money, optionalString } from './primitives.js';

/** Invoice and credit-memo line (wire-contract §8.2). */
export const invoiceLineSchema = z.object({
  sku: z.string(),
  name: z.string(),
  qty: money,
  unit_price: money,
  line_subtotal: money,
  line_tax: money,
  line_total: money,
  tax_rate: money.nullish(),
  tax_class: optionalString,
  product_type: optionalString,
});
export type InvoiceLine = z.input<typeof invoiceLineSchema>;

/** `round(tax / row_total, 4)` when both are positive, else null (§8.2). */
export function lineTaxRate(lineTax: number, rowTotal: number): number | null {
  if (!(lineTax > 0) || !(rowTotal > 0)) return null;
  return Math.round((lineTax / rowTotal) * 10_000) / 10_000;
}
