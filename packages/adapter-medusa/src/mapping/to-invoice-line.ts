import { type InvoiceLine, lineTaxRate } from '@byte8/core';
import type { GraphLineItem } from './graph-types.js';
import { round4, toMoney } from './numbers.js';

/**
 * An order line as a wire line (wire-contract §8.2). Medusa's `subtotal` is
 * before tax and discounts even for tax-inclusive prices, so the net unit
 * price is derived from it. `share` scales a partial quantity (returns).
 */
export function toInvoiceLine(item: GraphLineItem, quantity?: number): InvoiceLine {
  const orderedQty = toMoney(item.quantity);
  const qty = quantity ?? orderedQty;
  const share = orderedQty > 0 ? qty / orderedQty : 0;
  const subtotal = round4(toMoney(item.subtotal) * share);
  const tax = round4(toMoney(item.tax_total) * share);
  const discount = round4(toMoney(item.discount_total) * share);
  return {
    sku: item.variant_sku ?? item.variant_id ?? item.id,
    name: [item.product_title ?? item.title ?? '', item.variant_title && item.variant_title !== 'Default variant' ? item.variant_title : null]
      .filter(Boolean)
      .join(' - '),
    qty,
    unit_price: qty > 0 ? round4(subtotal / qty) : round4(toMoney(item.unit_price)),
    line_subtotal: subtotal,
    line_tax: tax,
    line_total: round4(subtotal + tax - discount),
    tax_rate: lineTaxRate(tax, subtotal),
    // Every Medusa line is one variant: a simple SKU in Magento's vocabulary.
    product_type: 'simple',
  };
}
