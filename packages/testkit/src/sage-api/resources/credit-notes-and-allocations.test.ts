import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, expectInvalid, type Json } from '../sage-api.test-helpers.js';
import { createInvoice, invoiceBody, line, receiptBody, SOLO, startPaymentSetup } from './resource-fixtures.test-helpers.js';

let sim: SageApiSimulator;
let client: ApiClient;
let ledger: (code: string) => string;
let bank: string;
let ada: Json;
let bob: Json;

beforeAll(async () => {
  ({ sim, client, ledger, bank, ada, bob } = await startPaymentSetup());
});
afterAll(() => sim.stop());

const receipt = (contactId: string, total: number, allocations: unknown[], overrides: Record<string, unknown> = {}) => receiptBody(bank, contactId, total, allocations, overrides);
const invoiceNow = async (id: string) => (await client.get(`/sales_invoices/${id}`)).json;
const creditNote = async (contactId: string, overrides: Record<string, unknown> = {}) => {
  const result = await client.post('/sales_credit_notes', invoiceBody(contactId, ledger('4000'), overrides, 'sales_credit_note', 'credit_note_lines'));
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json;
};

describe('sales credit notes (c.6)', () => {
  it('are numbered CN-1, CN-2 and computed like invoices', async () => {
    const first = await creditNote(ada.id, { original_invoice_date: '2026-03-01', notes: 'Credit for invoice 42 — damaged' });
    expect(first).toMatchObject({ displayed_as: 'CN-1', credit_note_number: 'CN-1', total_amount: 24, outstanding_amount: 24, status: { id: 'UNPAID' }, original_invoice_date: '2026-03-01' });
    expect(first.credit_note_lines).toHaveLength(1);
    expect((await creditNote(ada.id)).displayed_as).toBe('CN-2');
    expectInvalid(await client.post('/sales_credit_notes', invoiceBody(ada.id, ledger('4000'), {}, 'sales_credit_note', 'invoice_lines')), 'credit_note_lines', 'This field is required.');
    const draft = await creditNote(ada.id, { status_id: 'DRAFT' });
    expect((await client.post(`/sales_credit_notes/${draft.id}/release`)).json.status.id).toBe('UNPAID');
  });

  it('a customer refund settles a credit note', async () => {
    const note = await creditNote(ada.id);
    const refund = await client.post('/contact_payments', receipt(ada.id, 24, [{ artefact_id: note.id, amount: 24 }], { transaction_type_id: 'CUSTOMER_REFUND' }));
    expect(refund.status).toBe(201);
    expect((await client.get(`/sales_credit_notes/${note.id}`)).json).toMatchObject({ status: { id: 'PAID' }, outstanding_amount: 0 });
    const invoice = await createInvoice(client, ada.id, ledger('4000'));
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 24, [{ artefact_id: invoice.id, amount: 24 }], { transaction_type_id: 'CUSTOMER_REFUND' })), 'allocated_artefacts.artefact');
  });
});

describe('contact allocations (c.6, c.8)', () => {
  const allocation = (contactId: string, artefacts: unknown[]) => ({ contact_allocation: { transaction_type_id: 'CUSTOMER_ALLOCATION', contact_id: contactId, date: '2026-03-06', allocated_artefacts: artefacts } });

  it('nets a credit note against an invoice of the same contact', async () => {
    const invoice = await createInvoice(client, ada.id, ledger('4000'));
    const note = await creditNote(ada.id, { credit_note_lines: [line(ledger('4000'), { quantity: 1, tax_amount: 2 })] });
    const result = await client.post('/contact_allocations', allocation(ada.id, [{ artefact_id: invoice.id, amount: 12 }, { artefact_id: note.id, amount: -12 }]));
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json.allocated_artefacts.map((a: Json) => a.amount)).toEqual([12, -12]);
    expect(await invoiceNow(invoice.id)).toMatchObject({ status: { id: 'PART_PAID' }, outstanding_amount: 12 });
    expect((await client.get(`/sales_credit_notes/${note.id}`)).json).toMatchObject({ status: { id: 'PAID' }, outstanding_amount: 0 });
    expect((await client.delete(`/contact_allocations/${result.json.id}`)).status).toBe(204);
    expect(await invoiceNow(invoice.id)).toMatchObject({ status: { id: 'UNPAID' }, outstanding_amount: 24 });
  });

  it('refuses a credit note of another contact, an unbalanced allocation and a wrong type', async () => {
    const invoice = await createInvoice(client, ada.id, ledger('4000'));
    const bobsNote = await creditNote(bob.id);
    expectInvalid(await client.post('/contact_allocations', allocation(ada.id, [{ artefact_id: invoice.id, amount: 24 }, { artefact_id: bobsNote.id, amount: -24 }])), 'allocated_artefacts.artefact', 'must belong to the same contact');
    const adasNote = await creditNote(ada.id);
    expectInvalid(await client.post('/contact_allocations', allocation(ada.id, [{ artefact_id: invoice.id, amount: 20 }, { artefact_id: adasNote.id, amount: -24 }])), 'allocated_artefacts', /balance/);
    expectInvalid(await client.post('/contact_allocations', allocation(ada.id, [{ artefact_id: invoice.id, amount: 24 }, { artefact_id: adasNote.id, amount: 24 }])), 'allocated_artefacts.amount');
    expectInvalid(await client.post('/contact_allocations', { contact_allocation: { transaction_type_id: 'CUSTOMER_RECEIPT', contact_id: ada.id, allocated_artefacts: [] } }), 'transaction_type');
    expectInvalid(await client.post('/contact_allocations', allocation(ada.id, [])), 'allocated_artefacts', 'This field is required.');
    expect(await invoiceNow(invoice.id)).toMatchObject({ outstanding_amount: 24 });
    expect((await client.post('/contact_allocations', allocation(ada.id, [{ artefact_id: invoice.id, amount: 24 }, { artefact_id: adasNote.id, amount: -24 }]))).status).toBe(201);
    expect(sim.business(SOLO).counts.creates.contact_allocations).toBe(2);
  });
});
