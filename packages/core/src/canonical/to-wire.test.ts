import { describe, expect, it } from 'vitest';
import { invoiceSchema } from './invoice.js';
import { lineTaxRate } from './invoice-line.js';
import { toWire } from './to-wire.js';

const invoice = {
  grand_total: 45.8,
  magento_id: 42,
  increment_id: '000000042',
  order_id: 40,
  order_increment_id: '000000040',
  website_id: 1,
  store_id: 1,
  currency: 'EUR',
  state: 'paid' as const,
  customer: { magento_id: 0, email: 'guest@example.com', first_name: null, website_id: 0, addresses: [] },
  lines: [],
  subtotal: 34,
  tax_amount: 6.8,
  shipping_amount: 5,
  shipping_tax_amount: 0,
  discount_amount: 0,
  created_at: '2026-04-30T10:11:12Z',
  payment_method: null,
  po_number: undefined,
};

describe('toWire (wire-contract §7.1, §8)', () => {
  it('orders keys as the contract does and omits nulls', () => {
    const wire = toWire(invoiceSchema, invoice);
    expect(Object.keys(wire)).toEqual([
      'magento_id', 'increment_id', 'order_id', 'order_increment_id', 'website_id', 'store_id', 'currency', 'state',
      'customer', 'lines', 'subtotal', 'tax_amount', 'shipping_amount', 'shipping_tax_amount', 'discount_amount',
      'grand_total', 'created_at',
    ]);
    expect(wire.customer).toEqual({ magento_id: 0, email: 'guest@example.com', website_id: 0, addresses: [] });
  });

  it('rejects money as a string and an unknown state', () => {
    expect(() => toWire(invoiceSchema, { ...invoice, grand_total: '45.80' as never })).toThrow();
    expect(() => toWire(invoiceSchema, { ...invoice, state: 'canceled' as never })).toThrow();
  });
});

describe('lineTaxRate (§8.2)', () => {
  it('rounds to 4 places and is null without tax', () => {
    expect(lineTaxRate(6.8, 34)).toBe(0.2);
    expect(lineTaxRate(1, 3)).toBe(0.3333);
    expect(lineTaxRate(0, 34)).toBeNull();
  });
});
