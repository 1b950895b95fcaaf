import { addressFixture, contactFixture, crossBorderInvoiceFixture, guestContactFixture, guestInvoiceFixture, invoiceLineFixture, testDialects } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DirectShop, startDirectShop, testPolicy } from './direct-shop.test-helpers.js';

const ref = (value: unknown) => (value as { id?: string } | null)?.id;

describe.each(testDialects(process.env, { mysql: true }))('direct mode, currencies, cross-border and B2C consolidation, on $name (spec b.6, b.7)', (dialect) => {
  let shop: DirectShop;
  beforeAll(async () => {
    shop = await startDirectShop(dialect, { policy: (seed) => testPolicy(seed, { b2cConsolidation: { enabled: true, minTotalForIndividual: 100 } }) });
  });
  afterAll(() => shop?.close());
  const invoiceByRef = (reference: string) => shop.business.list('sales_invoices').find((invoice) => invoice.reference === reference)!;
  const contactOf = (invoice: Record<string, unknown>) => shop.business.get('contacts', ref(invoice.contact)!)!;

  it('posts an EUR invoice of a French customer on a per-currency contact, with the rate, zero rated as EU goods (b.6, c.8)', async () => {
    await shop.saveInvoice(crossBorderInvoiceFixture({ magento_id: 50, increment_id: '000000050', customer: { ...crossBorderInvoiceFixture().customer, magento_id: 6 } }));
    await shop.drain();
    const invoice = invoiceByRef('000000050');
    expect(invoice).toMatchObject({ exchange_rate: 1.17, net_amount: 39, tax_amount: 0, total_amount: 39, base_currency_total_amount: 33.33 });
    expect(ref(invoice.currency)).toBe('EUR');
    const lines = invoice.invoice_lines as Record<string, unknown>[];
    expect(lines.map((line) => [ref(line.tax_rate), ref(line.eu_goods_services_type)])).toEqual([['GB_ZERO', 'GOODS']]);
    expect(ref(invoice.shipping_tax_rate)).toBe('GB_ZERO');
    expect(invoice.main_address).toMatchObject({ address_line_1: '12 Rue de Rivoli', city: 'Paris', postal_code: '75001' });
    const contact = contactOf(invoice);
    // A company buyer stays individual under B2C consolidation (b.7 rule 2); one contact per currency (b.6).
    expect(contact).toMatchObject({ name: 'Exemple SARL (EUR)', reference: 'M6E' });
    expect(ref(contact.currency)).toBe('EUR');
    expect(await shop.chip('invoice', 50)).toMatchObject({ status: 'synced', providerReference: invoice.displayed_as, message: null });
  });

  it('gives the same customer a second contact for GBP, and reuses each on later invoices (b.6 quirk §31)', async () => {
    const base = crossBorderInvoiceFixture().customer;
    await shop.saveInvoice(crossBorderInvoiceFixture({ magento_id: 51, increment_id: '000000051', currency: 'GBP', base_to_order_rate: 1, customer: { ...base, magento_id: 6 } }));
    await shop.saveInvoice(crossBorderInvoiceFixture({ magento_id: 52, increment_id: '000000052', customer: { ...base, magento_id: 6 } }));
    await shop.drain();
    const gbp = invoiceByRef('000000051');
    expect(gbp.exchange_rate).toBe(1);
    expect(contactOf(gbp)).toMatchObject({ name: 'Exemple SARL', reference: 'M6' });
    expect(ref(invoiceByRef('000000052').contact)).toBe(ref(invoiceByRef('000000050').contact));
    expect(shop.business.list('contacts').map((c) => c.reference).sort()).toEqual(['M6', 'M6E']);
  });

  it('coerces a mixed goods/services cross-border invoice to the default type and says so on the chip (b.6)', async () => {
    const customer = { ...crossBorderInvoiceFixture().customer, magento_id: 6 };
    const lines = [invoiceLineFixture({ line_tax: 0, line_total: 34, tax_rate: null }), invoiceLineFixture({ sku: 'EB01', name: 'E-book', product_type: 'downloadable', unit_price: 5, line_subtotal: 5, line_tax: 0, line_total: 5, tax_rate: null })];
    await shop.saveInvoice(crossBorderInvoiceFixture({ magento_id: 53, increment_id: '000000053', customer, lines, grand_total: 44 }));
    await shop.drain();
    const invoice = invoiceByRef('000000053');
    expect((invoice.invoice_lines as Record<string, unknown>[]).map((line) => ref(line.eu_goods_services_type))).toEqual(['GOODS', 'GOODS']);
    expect((await shop.chip('invoice', 53))?.message).toContain('mixed_eu_goods_services_coerced_to_default');
  });

  it('consolidates small first-time guest orders onto one fallback contact, each invoice with its buyer address (b.7)', async () => {
    const first = guestContactFixture({ email: 'ann@example.com', addresses: [addressFixture({ street: ['2 Low Rd'], city: 'Leeds' })] });
    const second = guestContactFixture({ email: 'bob@example.com', addresses: [addressFixture({ street: ['3 Mid St'], city: 'York' })] });
    await shop.saveInvoice(guestInvoiceFixture({ magento_id: 60, increment_id: '000000060', customer: first, billing_address: first.addresses[0]!, shipping_address: null }));
    await shop.saveInvoice(guestInvoiceFixture({ magento_id: 61, increment_id: '000000061', customer: second, billing_address: second.addresses[0]!, shipping_address: null }));
    await shop.drain();
    const a = invoiceByRef('000000060');
    const b = invoiceByRef('000000061');
    expect(ref(a.contact)).toBe(ref(b.contact));
    expect(contactOf(a)).toMatchObject({ name: 'Magento Web Sales', reference: 'WEBSALES', email: 'sales@your-shop.example.com', main_address: null });
    expect(a.main_address).toMatchObject({ address_line_1: '2 Low Rd', city: 'Leeds' });
    expect(b.main_address).toMatchObject({ address_line_1: '3 Mid St', city: 'York' });
  });

  it('posts a guest at or above min_total_for_individual on an individual G… contact, and keeps it sticky (b.7 rules 3, 4)', async () => {
    const big = guestContactFixture({ email: 'carol@example.com' });
    const line = invoiceLineFixture({ qty: 5, line_subtotal: 170, line_tax: 34, line_total: 204 });
    await shop.saveInvoice(guestInvoiceFixture({ magento_id: 62, increment_id: '000000062', customer: big, lines: [line], grand_total: 209 }));
    await shop.drain();
    const contact = contactOf(invoiceByRef('000000062'));
    expect(contact.reference).toMatch(/^G[0-9A-F]{9}$/);
    // Later small orders of the same guest email stay on her contact (repeat customer, rule 3).
    await shop.saveInvoice(guestInvoiceFixture({ magento_id: 63, increment_id: '000000063', customer: big }));
    await shop.drain();
    expect(ref(invoiceByRef('000000063').contact)).toBe(contact.id);
    expect(shop.business.list('contacts').filter((c) => c.reference === 'WEBSALES')).toHaveLength(1);
  });

  it('skips a customer save while consolidation is on and the customer has no contact yet (b.7)', async () => {
    await shop.saveCustomer(contactFixture({ magento_id: 77 }));
    await shop.drain();
    expect(await shop.chip('customer', 77)).toMatchObject({ status: 'skipped', skipReason: 'contact_created_on_first_invoice' });
    expect(shop.business.list('contacts').some((c) => c.reference === 'M77')).toBe(false);
  });
});
