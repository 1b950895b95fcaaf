import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, expectInvalid, type Json, startSim } from '../sage-api.test-helpers.js';
import { createContact, createInvoice, FR_ADDRESS, invoiceBody, line, SOLO, soloClient } from './resource-fixtures.test-helpers.js';

let sim: SageApiSimulator;
let client: ApiClient;
let ledger: (code: string) => string;
let uk: Json;
let french: Json;

beforeAll(async () => {
  sim = await startSim();
  ({ client, ledger } = await soloClient(sim));
  uk = await createContact(client, { reference: 'UK1' });
  french = await createContact(client, { name: 'Marie Curie', reference: 'FR1', main_address: FR_ADDRESS });
});
afterAll(() => sim.stop());

const post = (body: unknown) => client.post('/sales_invoices', body);
const invoices = () => sim.business(SOLO).list('sales_invoices');

describe('sales invoice payload (c.6)', () => {
  it('requires contact_id, date and invoice_lines, and description, ledger_account_id, unit_price on each line', async () => {
    const empty = await post({ sales_invoice: {} });
    for (const source of ['contact_id', 'date', 'invoice_lines']) expectInvalid(empty, source, 'This field is required.');
    const blankLine = await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [{ quantity: 1 }] }));
    for (const source of ['line_items.description', 'line_items.ledger_account_id', 'line_items.unit_price']) expectInvalid(blankLine, source, 'This field is required.');
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [] })), 'invoice_lines');
    expect(invoices()).toEqual([]);
  });

  it('answers 201 with the full object, numbered SI-1, SI-2, and server-computed totals', async () => {
    const body = invoiceBody(uk.id, ledger('4000'), {
      reference: 'MAG-100000001',
      invoice_lines: [line(ledger('4000'), { quantity: 3, unit_price: 12.5, discount_amount: 2.5, tax_amount: 7 }), line(ledger('4010'), { description: 'Setup', quantity: 1, unit_price: 5, tax_rate_id: 'GB_LOWER', tax_amount: 0.25 })],
    });
    const created = await post(body);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      displayed_as: 'SI-1',
      invoice_number: 'SI-1',
      $path: `/sales_invoices/${created.json.id}`,
      reference: 'MAG-100000001',
      contact: { id: uk.id, displayed_as: 'Ada Lovelace (UK1)', $path: `/contacts/${uk.id}` },
      status: { id: 'UNPAID', displayed_as: 'Unpaid' },
      currency: { id: 'GBP' },
      exchange_rate: 1,
      net_amount: 40,
      tax_amount: 7.25,
      total_amount: 47.25,
      outstanding_amount: 47.25,
      total_paid: 0,
      total_quantity: 4,
      total_discount_amount: 2.5,
    });
    expect(created.json.id).toMatch(/^[0-9a-f]{32}$/);
    expect(created.json.invoice_lines[0]).toMatchObject({ net_amount: 35, tax_amount: 7, total_amount: 42, ledger_account: { id: ledger('4000') }, tax_rate: { id: 'GB_STANDARD' } });
    expect(created.json.tax_analysis).toEqual([
      { tax_rate: expect.objectContaining({ id: 'GB_STANDARD' }), net_amount: 35, tax_amount: 7, total_amount: 42 },
      { tax_rate: expect.objectContaining({ id: 'GB_LOWER' }), net_amount: 5, tax_amount: 0.25, total_amount: 5.25 },
    ]);
    expect((await client.get(`/sales_invoices/${created.json.id}`)).json).toEqual(created.json);
    expect((await post(invoiceBody(uk.id, ledger('4000')))).json.displayed_as).toBe('SI-2');
    expect(sim.business(SOLO).counts.creates.sales_invoices).toBe(2);
  });

  it('reports unknown ids as RecordInvalid on the association', async () => {
    const unknown = '0123456789abcdef0123456789abcdef';
    expectInvalid(await post(invoiceBody(unknown, ledger('4000'))), 'contact', "Couldn't find Contact.");
    expectInvalid(await post(invoiceBody(uk.id, unknown)), 'line_items.ledger_account', "Couldn't find Ledger Account.");
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { tax_rate_id: 'GB_MADE_UP' })] })), 'line_items.tax_rate', "Couldn't find Tax Rate.");
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { product_id: unknown })] })), 'line_items.product', "Couldn't find Product.");
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { shipping_net_amount: 5, shipping_tax_rate_id: 'NOPE' })), 'shipping_tax_rate');
    // A ledger account that exists but is not a sales one (c.4: it must show in visible_in=sales).
    expectInvalid(await post(invoiceBody(uk.id, ledger('5000'))), 'line_items.ledger_account');
  });

  it('lists every problem of one request at once, flattened per line field', async () => {
    const result = await post(invoiceBody(uk.id, ledger('4000'), { date: '2026-02-30', invoice_lines: [{ description: 'a' }, { description: 'b' }] }));
    expect(result.status).toBe(422);
    expect(result.json.map((item: Json) => item.$source).sort()).toEqual(['date', 'line_items.ledger_account_id', 'line_items.tax_rate_id', 'line_items.unit_price']);
  });
});

describe('draft, release, edit, void (c.5)', () => {
  it('a draft is released to UNPAID; releasing twice is refused', async () => {
    const draft = await createInvoice(client, uk.id, ledger('4000'), { status_id: 'DRAFT' });
    expect(draft.status.id).toBe('DRAFT');
    const released = await client.post(`/sales_invoices/${draft.id}/release`);
    expect(released).toMatchObject({ status: 200, json: { status: { id: 'UNPAID' }, displayed_as: draft.displayed_as } });
    expectInvalid(await client.post(`/sales_invoices/${draft.id}/release`), 'base', /Only a draft/);
    expect((await client.get(`/sales_invoices/${draft.id}/release`)).status).toBe(405);
  });

  it('DELETE removes a draft, and voids an issued invoice only with a void_reason', async () => {
    const draft = await createInvoice(client, uk.id, ledger('4000'), { status_id: 'DRAFT' });
    expect((await client.delete(`/sales_invoices/${draft.id}`)).status).toBe(204);
    expect((await client.get(`/sales_invoices/${draft.id}`)).status).toBe(404);
    const issued = await createInvoice(client, uk.id, ledger('4000'));
    expectInvalid(await client.delete(`/sales_invoices/${issued.id}`), 'void_reason', 'This field is required.');
    expect((await client.delete(`/sales_invoices/${issued.id}?void_reason=Duplicate`)).status).toBe(204);
    const voided = (await client.get(`/sales_invoices/${issued.id}`)).json;
    expect(voided).toMatchObject({ status: { id: 'VOID' }, void_reason: 'Duplicate', outstanding_amount: 0, editable: false });
    expectInvalid(await client.delete(`/sales_invoices/${issued.id}?void_reason=Again`), 'base', /already void/);
    expectInvalid(await client.put(`/sales_invoices/${issued.id}`, { sales_invoice: { notes: 'late edit' } }), 'base', /void/);
  });

  it('PUT merges onto the invoice, re-checks it and recomputes totals', async () => {
    const invoice = await createInvoice(client, uk.id, ledger('4000'));
    const edited = await client.put(`/sales_invoices/${invoice.id}`, { sales_invoice: { notes: 'Purchase Order: PO-7', invoice_lines: [line(ledger('4000'), { quantity: 5, tax_amount: 10 })] } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ id: invoice.id, displayed_as: invoice.displayed_as, notes: 'Purchase Order: PO-7', net_amount: 50, total_amount: 60, outstanding_amount: 60, reference: invoice.reference });
    expectInvalid(await client.put(`/sales_invoices/${invoice.id}`, { sales_invoice: { exchange_rate: 2 } }), 'exchange_rate');
    expect((await client.get(`/sales_invoices/${invoice.id}`)).json.total_amount).toBe(60);
    expect((await client.put(`/sales_invoices/${'f'.repeat(32)}`, { sales_invoice: {} })).status).toBe(404);
  });

  it('filters by contact, status and search', async () => {
    await createInvoice(client, french.id, ledger('4000'), { main_address: FR_ADDRESS, invoice_lines: [line(ledger('4000'), { tax_rate_id: 'GB_ZERO', tax_amount: 0, eu_goods_services_type_id: 'GOODS' })] });
    const mine = (await client.get(`/sales_invoices?contact_id=${french.id}&attributes=contact`)).json.$items;
    expect(mine).toHaveLength(1);
    expect(mine[0].contact.id).toBe(french.id);
    expect((await client.get(`/sales_invoices?contact_id=${uk.id}`)).json.$total).toBeGreaterThan(1);
    expect((await client.get('/sales_invoices?status_id=VOID')).json.$total).toBeGreaterThan(0);
    expect((await client.get('/sales_invoices?search=MAG-100000001')).json.$items.map((item: Json) => item.displayed_as)).toEqual(['SI-1']);
    expect((await client.get('/sales_invoices?search=SI-2&attributes=invoice_number')).json.$items[0].invoice_number).toMatch(/^SI-2/);
  });
});
