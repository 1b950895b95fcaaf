/** A priced line of an order (and of the invoice or credit memo made from it). */
export interface PricedLine {
  readonly qty: number;
  readonly unit_price: number;
  readonly tax_rate: number;
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;

export interface LineAmounts {
  readonly rowTotal: number;
  readonly tax: number;
}

export function lineAmounts(line: PricedLine): LineAmounts {
  const rowTotal = round2(line.qty * line.unit_price);
  return { rowTotal, tax: round2(rowTotal * line.tax_rate) };
}

export interface OrderTotals {
  readonly subtotal: number;
  readonly taxAmount: number;
  readonly shippingAmount: number;
  readonly grandTotal: number;
}

/** Totals of a whole order; invoices and credit memos cover the whole order. */
export function orderTotals(lines: readonly PricedLine[], shippingAmount: number): OrderTotals {
  let subtotal = 0;
  let taxAmount = 0;
  for (const line of lines) {
    const { rowTotal, tax } = lineAmounts(line);
    subtotal += rowTotal;
    taxAmount += tax;
  }
  subtotal = round2(subtotal);
  taxAmount = round2(taxAmount);
  return { subtotal, taxAmount, shippingAmount, grandTotal: round2(subtotal + taxAmount + shippingAmount) };
}
