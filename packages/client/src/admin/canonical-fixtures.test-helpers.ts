import type { CanonicalSource, Contact, Invoice } from '@byte8/core';

const contact: Contact = {
  magento_id: 5,
  email: 'jane@example.com',
  first_name: 'Jane',
  last_name: 'Doe',
  website_id: 1,
  group_id: 1,
  addresses: [{ kind: 'billing', street: ['1 High St'], city: 'London', postcode: 'N1 1AA', country_id: 'GB' }],
};

const invoice: Invoice = {
  magento_id: 42,
  increment_id: '000000042',
  order_id: 40,
  order_increment_id: '000000040',
  website_id: 1,
  store_id: 1,
  currency: 'GBP',
  state: 'open',
  customer: contact,
  lines: [{ sku: 'MB01', name: 'Bag', qty: 1, unit_price: 34, line_subtotal: 34, line_tax: 6.8, line_total: 40.8, tax_rate: 0.2, product_type: 'simple' }],
  subtotal: 34,
  tax_amount: 6.8,
  shipping_amount: 5,
  shipping_tax_amount: 0,
  discount_amount: 0,
  grand_total: 45.8,
  created_at: '2026-04-30T10:11:12Z',
  payment_method: 'checkmo',
};

/** A host with one of each entity: invoice 42 (and its payment), customer 5, credit memo 7, product 9. */
export const canonicalFixtures: CanonicalSource = {
  invoice: async (id) => (id === 42 ? invoice : null),
  customer: async (id) => (id === 5 ? contact : null),
  creditMemo: async (id) =>
    id === 7
      ? {
          magento_id: 7,
          increment_id: 'CM7',
          invoice_id: 42,
          invoice_increment_id: '000000042',
          website_id: 1,
          currency: 'GBP',
          customer: { ...contact, magento_id: 0, website_id: 0, group_id: null },
          lines: invoice.lines,
          adjustment_positive: 0,
          adjustment_negative: 0,
          grand_total: 45.8,
          shipping_amount: 5,
          shipping_tax_amount: 0,
          created_at: '2026-05-01T10:11:12Z',
        }
      : null,
  payment: async (id) =>
    id === 42
      ? { magento_id: 42, invoice_id: 42, invoice_increment_id: '000000042', method: 'checkmo', currency: 'GBP', amount: 45.8, captured_at: '2026-04-30T10:11:12Z', gateway_metadata: ['txn'] }
      : null,
  product: async (id) => (id === 9 ? { magento_id: 9, sku: 'MB01', name: 'Bag', product_type: 'simple', price: 34, manage_stock: false, website_ids: [1] } : null),
  paymentMethods: async () => [{ code: 'checkmo', label: 'Check / Money order', is_active: true }],
  changedSince: async () => [],
};
