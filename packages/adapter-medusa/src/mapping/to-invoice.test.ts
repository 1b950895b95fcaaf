import { creditMemoSchema, invoiceSchema, paymentSchema, productSchema, toWire } from '@byte8/core';
import { describe, expect, it } from 'vitest';
import type { GraphOrder } from './graph-types.js';
import { enrichWithOrder, toGuestContact, toProfileContact } from './to-contact.js';
import { refundToCreditMemo } from './to-credit-memo.js';
import { invoiceState, toInvoice } from './to-invoice.js';
import { toPayment } from './to-payment.js';
import { toProduct } from './to-product.js';

const address = { first_name: 'Ada', last_name: 'Lovelace', company: 'Engines Ltd', address_1: '1 Main St', address_2: '', city: 'London', province: null, postal_code: 'N1', country_code: 'gb', phone: '+44 1' };

const order: GraphOrder = {
  id: 'order_01',
  display_id: 7,
  status: 'pending',
  email: 'guest@example.com',
  currency_code: 'eur',
  created_at: '2026-04-30T10:11:12.345Z',
  total: 24.2,
  item_subtotal: 20,
  tax_total: 4.2,
  discount_total: 0,
  shipping_subtotal: 0,
  shipping_tax_total: 0,
  items: [{ id: 'item_1', product_title: 'Mug', variant_title: 'Blue', variant_sku: 'MUG-B', quantity: 2, unit_price: 10, subtotal: 20, tax_total: 4.2, discount_total: 0, total: 24.2 }],
  billing_address: address,
  shipping_address: address,
  customer: { id: 'cus_1', email: 'guest@example.com', has_account: false },
  payment_collections: [{ payments: [{ id: 'pay_1', amount: 24.2, provider_id: 'pp_system_default', captures: [], refunds: [] }] }],
};

const captured: GraphOrder = {
  ...order,
  payment_collections: [
    {
      payments: [
        {
          id: 'pay_1',
          amount: 24.2,
          provider_id: 'pp_system_default',
          captured_at: '2026-04-30T10:12:00Z',
          captures: [{ id: 'capt_1', amount: 24.2, created_at: '2026-04-30T10:12:00Z' }],
          refunds: [{ id: 'ref_1', amount: 5, note: 'Damaged', created_at: '2026-05-01T09:00:00Z' }],
        },
      ],
    },
  ],
};

describe('order -> canonical invoice', () => {
  it('is a valid wire invoice numbered by display_id, in the order currency, with a guest contact', () => {
    const wire = toWire(invoiceSchema, toInvoice(order, toGuestContact(order), { invoiceId: 41, websiteId: 1, storeId: 1 }));
    expect(wire).toMatchObject({
      magento_id: 41,
      increment_id: '7',
      order_id: 41,
      currency: 'EUR',
      state: 'open',
      subtotal: 20,
      tax_amount: 4.2,
      grand_total: 24.2,
      created_at: '2026-04-30T10:11:12Z',
      payment_method: 'pp_system_default',
      customer: { magento_id: 0, email: 'guest@example.com', website_id: 0 },
    });
    expect(wire.lines).toEqual([
      { sku: 'MUG-B', name: 'Mug - Blue', qty: 2, unit_price: 10, line_subtotal: 20, line_tax: 4.2, line_total: 24.2, tax_rate: 0.21, product_type: 'simple' },
    ]);
    expect(wire.billing_address).toEqual({ kind: 'billing', street: ['1 Main St'], city: 'London', postcode: 'N1', country_id: 'GB', telephone: '+44 1' });
  });

  it('is paid once fully captured and cancelled when the order is', () => {
    expect(invoiceState(captured)).toBe('paid');
    expect(invoiceState({ ...captured, status: 'canceled' })).toBe('cancelled');
    // A refund beyond what was owed becomes a credit line that lowers Medusa's total; the invoice keeps the placed total.
    const refunded = { ...captured, total: 19.2, credit_line_total: 5 };
    expect(invoiceState(refunded)).toBe('paid');
    expect(toInvoice(refunded, toGuestContact(refunded), { invoiceId: 41, websiteId: 1, storeId: 1 }).grand_total).toBe(24.2);
    // An auto-capturing provider may leave no capture rows, only captured_at.
    expect(invoiceState({ ...order, payment_collections: [{ payments: [{ id: 'p', amount: 24.2, captured_at: '2026-04-30T10:12:00Z' }] }] })).toBe('paid');
  });

  it('enriches a registered profile without addresses from the order', () => {
    const profile = toProfileContact({ id: 'cus_2', email: 'a@example.com', has_account: true, first_name: 'Ada' }, 9, 1);
    const contact = enrichWithOrder(profile, order);
    expect(contact.addresses.map((a) => a.kind)).toEqual(['billing', 'shipping']);
    expect(contact.company).toBe('Engines Ltd');
  });
});

describe('refund -> canonical credit memo, payment, product', () => {
  it('a refund is an adjustment credit memo against the invoice', () => {
    const refund = captured.payment_collections![0]!.payments![0]!.refunds![0]!;
    const wire = toWire(creditMemoSchema, refundToCreditMemo(captured, refund, toGuestContact(captured), { creditMemoId: 3, invoiceId: 41, websiteId: 1 }));
    expect(wire).toMatchObject({ magento_id: 3, increment_id: '7-R1', invoice_id: 41, invoice_increment_id: '7', currency: 'EUR', lines: [], adjustment_positive: 5, grand_total: 5, reason: 'Damaged' });
  });

  it('the payment of the invoice carries the invoice total; no payment row is null', () => {
    const wire = toWire(paymentSchema, toPayment(captured, 41)!);
    expect(wire).toMatchObject({ magento_id: 41, invoice_id: 41, invoice_increment_id: '7', method: 'pp_system_default', amount: 24.2, captured_at: '2026-04-30T10:12:00Z', gateway_metadata: [] });
    expect(toPayment({ ...order, payment_collections: [] }, 41)).toBeNull();
  });

  it('a variant is a product with summed stock and the chosen currency price', () => {
    const variant = {
      id: 'variant_1',
      sku: 'MUG-B',
      title: 'Blue',
      manage_inventory: true,
      product: { title: 'Mug' },
      prices: [{ amount: 12, currency_code: 'usd' }, { amount: 10, currency_code: 'eur' }],
      inventory_items: [{ inventory: { location_levels: [{ stocked_quantity: 3 }, { stocked_quantity: 4 }] } }],
    };
    const wire = toWire(productSchema, toProduct(variant, { productId: 5, websiteId: 1, priceCurrency: 'EUR' }));
    expect(wire).toEqual({ magento_id: 5, sku: 'MUG-B', name: 'Mug - Blue', product_type: 'simple', price: 10, stock_qty: 7, manage_stock: true, website_ids: [1] });
  });
});
