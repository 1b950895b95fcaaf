import { contactFixture, invoiceFixture, invoiceLineFixture, paymentFixture, productFixture, stockManagedProductFixture, creditMemoFixture } from '@byte8/testkit';
import { testDialects } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DirectShop, startDirectShop } from './direct-shop.test-helpers.js';

const ref = (value: unknown) => (value as { id?: string } | null)?.id;

// Over MySQL too, its tables behind a prefix as a shop sharing its database would have them.
describe.each(testDialects(process.env, { mysql: true }))('direct mode, one of each entity in GBP, on $name (spec a.3, b)', (dialect) => {
  let shop: DirectShop;
  beforeAll(async () => {
    shop = await startDirectShop(dialect, dialect.name === 'mysql' ? { tablePrefix: 'shop_' } : {});
  });
  afterAll(() => shop?.close());

  it('posts a customer as a contact with reference M{id} and both addresses (a.3, b.8 §17, §23)', async () => {
    await shop.saveCustomer(contactFixture({ magento_id: 5, company: 'Doe Trading Ltd' }));
    await shop.drain();
    const contacts = shop.business.list('contacts');
    expect(contacts).toHaveLength(1);
    const contact = contacts[0]!;
    expect(contact).toMatchObject({ name: 'Doe Trading Ltd', reference: 'M5', email: 'jane@example.com' });
    expect(ref(contact.currency)).toBe('GBP');
    expect(contact.main_address).toMatchObject({ address_line_1: '1 High St', city: 'London', postal_code: 'N1 1AA' });
    expect(contact.delivery_address).toMatchObject({ address_line_1: '1 High St' });
    expect(await shop.chip('customer', 5)).toMatchObject({ status: 'synced', providerEntityId: contact.id, providerReference: 'M5' });
  });

  it('posts a product to /products and a stock item with a stock movement (b.1 sync_stock)', async () => {
    await shop.saveProduct(productFixture({ magento_id: 9, sku: 'MB01', cost: 10 }));
    await shop.saveProduct(stockManagedProductFixture({ magento_id: 10, sku: 'ST01', name: 'Stock &amp; Co Tote', stock_qty: 100 }));
    await shop.drain();
    const [product] = shop.business.list('products');
    expect(product).toMatchObject({ item_code: 'MB01', description: 'Messenger Bag', cost_price: 10 });
    expect(product!.sales_prices).toEqual([expect.objectContaining({ price: 34 })]);
    expect(ref(product!.sales_ledger_account)).toBe(shop.business.seed.ledgerAccounts['4000']);
    expect(ref(product!.purchase_ledger_account)).toBe(shop.business.seed.ledgerAccounts['5000']);
    const [stock] = shop.business.list('stock_items');
    expect(stock).toMatchObject({ item_code: 'ST01', description: 'Stock & Co Tote', quantity_in_stock: 100 });
    const movements = shop.business.list('stock_movements');
    expect(movements).toHaveLength(1);
    expect(movements[0]).toMatchObject({ quantity: 100, cost_price: 12.5 });
    expect(await shop.chip('product', 10)).toMatchObject({ status: 'synced', providerEntityId: stock!.id, providerReference: 'ST01' });

    // Magento is the truth (b.1): a later stock save posts only the difference.
    await shop.saveProduct(stockManagedProductFixture({ magento_id: 10, sku: 'ST01', name: 'Stock &amp; Co Tote', stock_qty: 93 }));
    await shop.drain();
    expect(shop.business.list('stock_movements').map((m) => m.quantity)).toEqual([100, -7]);
    expect(shop.business.get('stock_items', stock!.id)!.quantity_in_stock).toBe(93);
    expect(shop.business.list('stock_items')).toHaveLength(1);
  });

  it('posts an invoice with its lines, tax routing and shipping panel, on the existing contact (a.3, b.4, b.6 §32)', async () => {
    const invoice = invoiceFixture({
      magento_id: 42,
      lines: [invoiceLineFixture(), invoiceLineFixture({ sku: 'BK01', name: 'Book', unit_price: 10, line_subtotal: 10, line_tax: 0.5, line_total: 10.5, tax_rate: 0.05 })],
      po_number: 'PO-77',
    });
    await shop.saveInvoice(invoice);
    await shop.drain();
    const [posted] = shop.business.list('sales_invoices');
    expect(posted).toMatchObject({ reference: '000000042', displayed_as: 'SI-1', date: '2026-04-30', notes: 'Purchase Order: PO-77' });
    expect(ref(posted!.contact)).toBe(shop.business.list('contacts')[0]!.id);
    const lines = posted!.invoice_lines as Record<string, unknown>[];
    expect(lines.map((line) => ref(line.tax_rate))).toEqual(['GB_STANDARD', 'GB_LOWER']);
    expect(lines.map((line) => line.tax_amount)).toEqual([6.8, 0.5]);
    expect(lines.map((line) => ref(line.ledger_account))).toEqual([shop.business.seed.ledgerAccounts['4000'], shop.business.seed.ledgerAccounts['4000']]);
    // The line of a synced product names it.
    expect(ref(lines[0]!.product)).toBe(shop.business.list('products')[0]!.id);
    // Untaxed shipping goes zero rated so Sage does not invent VAT on it (b.6 §32).
    expect(posted).toMatchObject({ shipping_net_amount: 5, shipping_tax_amount: 0, total_amount: 56.3, outstanding_amount: 56.3 });
    expect(ref(posted!.shipping_tax_rate)).toBe('GB_ZERO');
    expect(ref(posted!.status)).toBe('UNPAID');
    expect(await shop.chip('invoice', 42)).toMatchObject({ status: 'synced', providerEntityId: posted!.id, providerReference: 'SI-1' });
  });

  it('posts the payment of a mapped method into its bank account, allocated to the invoice (b.3)', async () => {
    const open = shop.source.invoices.get(42)!;
    const paid = { ...open, state: 'paid' as const, payment_method: 'stripe' };
    await shop.saveInvoice(paid, open, paymentFixture({ method: 'stripe', amount: 56.3 }));
    await shop.drain();
    const [payment] = shop.business.list('contact_payments');
    expect(payment).toMatchObject({ total_amount: 56.3, reference: '000000042' });
    expect(ref(payment!.transaction_type)).toBe('CUSTOMER_RECEIPT');
    expect(ref(payment!.bank_account)).toBe(shop.business.seed.bankAccounts.card);
    expect((payment!.allocated_artefacts as { artefact: { id: string }; amount: number }[]).map((a) => [a.artefact.id, a.amount])).toEqual([[shop.business.list("sales_invoices")[0]!.id, 56.3]]);
    const invoice = shop.business.list('sales_invoices')[0]!;
    expect(invoice).toMatchObject({ outstanding_amount: 0 });
    expect(ref(invoice.status)).toBe('PAID');
    expect(await shop.chip('invoice', 42)).toMatchObject({ status: 'synced', providerEntityId: invoice.id, providerReference: 'SI-1' });
  });

  it('leaves an unmapped offline payment unposted: skipped payment_method_not_mapped (b.3)', async () => {
    const open = invoiceFixture({ magento_id: 43, increment_id: '000000043' });
    await shop.saveInvoice(open);
    await shop.saveInvoice({ ...open, state: 'paid' }, open, paymentFixture({ magento_id: 43, invoice_id: 43, method: 'checkmo' }));
    await shop.drain();
    expect(shop.business.list('contact_payments')).toHaveLength(1);
    const posted = shop.business.list('sales_invoices').find((i) => i.reference === '000000043')!;
    expect(ref(posted.status)).toBe('UNPAID');
    expect(await shop.chip('invoice', 43)).toMatchObject({ status: 'skipped', skipReason: 'payment_method_not_mapped', providerEntityId: posted.id });
  });

  it('posts a partial refund as a credit note on the invoice contact, allocated against the invoice (a.3)', async () => {
    const memo = creditMemoFixture({
      magento_id: 7,
      invoice_id: 43,
      invoice_increment_id: '000000043',
      lines: [invoiceLineFixture({ qty: 0.5, unit_price: 34, line_subtotal: 17, line_tax: 3.4, line_total: 20.4 })],
      shipping_amount: 0,
      grand_total: 20.4,
    });
    await shop.saveCreditMemo(memo);
    await shop.drain();
    const [note] = shop.business.list('sales_credit_notes');
    const invoice = shop.business.list('sales_invoices').find((i) => i.reference === '000000043')!;
    expect(note).toMatchObject({ reference: '000000007', displayed_as: 'CN-1', total_amount: 20.4, original_invoice_date: '2026-04-30', notes: 'Credit for invoice 000000043 — Damaged in transit' });
    expect(ref(note!.contact)).toBe(ref(invoice.contact));
    const [allocation] = shop.business.list('contact_allocations');
    expect((allocation!.allocated_artefacts as { artefact: { id: string }; amount: number }[]).map((a) => [a.artefact.id, a.amount])).toEqual([
      [invoice.id, 20.4],
      [note!.id, -20.4],
    ]);
    expect(shop.business.get('sales_invoices', invoice.id)!.outstanding_amount).toBe(25.4);
    expect(await shop.chip('creditmemo', 7)).toMatchObject({ status: 'synced', providerEntityId: note!.id, providerReference: 'CN-1' });
  });

  it('posted each document exactly once, and every outbox row succeeded', async () => {
    const { creates } = shop.business.counts;
    expect(creates).toMatchObject({ contacts: 1, products: 1, stock_items: 1, sales_invoices: 2, contact_payments: 1, sales_credit_notes: 1, contact_allocations: 1, stock_movements: 2 });
    expect(await shop.outboxStatuses()).toEqual({ succeeded: 9 });
  });
});
