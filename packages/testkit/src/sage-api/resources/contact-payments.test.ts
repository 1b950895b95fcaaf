import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, expectInvalid, type Json } from '../sage-api.test-helpers.js';
import { createContact, createInvoice, FR_ADDRESS, line, receiptBody, startPaymentSetup } from './resource-fixtures.test-helpers.js';

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

describe('contact payments (c.6)', () => {
  it('requires transaction_type_id, contact_id, bank_account_id, date and total_amount', async () => {
    const empty = await client.post('/contact_payments', { contact_payment: {} });
    for (const source of ['transaction_type_id', 'contact_id', 'bank_account_id', 'date', 'total_amount']) expectInvalid(empty, source, 'This field is required.');
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 5, [], { bank_account_id: 'f'.repeat(32) })), 'bank_account', "Couldn't find Bank Account.");
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 5, [], { transaction_type_id: 'SALES_INVOICE' })), 'transaction_type');
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 5, [], { payment_method_id: 'BITCOIN' })), 'payment_method');
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 0, [])), 'total_amount');
  });

  it('allocating moves the invoice UNPAID -> PART_PAID -> PAID and keeps outstanding_amount and total_paid', async () => {
    const invoice = await createInvoice(client, ada.id, ledger('4000'));
    expect(invoice).toMatchObject({ total_amount: 24, outstanding_amount: 24, status: { id: 'UNPAID' } });
    const part = await client.post('/contact_payments', receipt(ada.id, 10, [{ artefact_id: invoice.id, amount: 10 }], { payment_method_id: 'CREDIT_DEBIT', reference: 'ch_123' }));
    expect(part.status).toBe(201);
    expect(part.json).toMatchObject({
      transaction_type: { id: 'CUSTOMER_RECEIPT' },
      contact: { id: ada.id },
      bank_account: { id: bank },
      payment_method: { id: 'CREDIT_DEBIT' },
      total_amount: 10,
      currency: { id: 'GBP' },
      allocated_artefacts: [{ artefact: { id: invoice.id, displayed_as: invoice.displayed_as, $path: `/sales_invoices/${invoice.id}` }, amount: 10 }],
      payment_on_account: null,
    });
    expect(await invoiceNow(invoice.id)).toMatchObject({ status: { id: 'PART_PAID' }, outstanding_amount: 14, total_paid: 10, last_paid: '2026-03-05' });
    const rest = await client.post('/contact_payments', receipt(ada.id, 14, [{ artefact_id: invoice.id, amount: 14 }]));
    expect(rest.status).toBe(201);
    const paid = await invoiceNow(invoice.id);
    expect(paid).toMatchObject({ status: { id: 'PAID' }, outstanding_amount: 0, total_paid: 24 });
    expect(paid.payments_allocations.map((entry: Json) => entry.link.id)).toEqual([part.json.id, rest.json.id]);
    expect((await client.get(`/contact_payments?contact_id=${ada.id}`)).json.$total).toBe(2);
  });

  it('refuses allocating more than is outstanding or more than the payment', async () => {
    const invoice = await createInvoice(client, ada.id, ledger('4000'));
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 30, [{ artefact_id: invoice.id, amount: 25 }])), 'allocated_artefacts.amount', 'exceeds the outstanding amount');
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 30, [{ artefact_id: invoice.id, amount: 12 }, { artefact_id: invoice.id, amount: 12.01 }])), 'allocated_artefacts.amount');
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 5, [{ artefact_id: invoice.id, amount: 10 }])), 'total_amount', /less than the amount allocated/);
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 5, [{ artefact_id: invoice.id, amount: -5 }])), 'allocated_artefacts.amount');
    expect(await invoiceNow(invoice.id)).toMatchObject({ outstanding_amount: 24, total_paid: 0 });
    // The unallocated rest of a payment is a payment on account.
    const onAccount = await client.post('/contact_payments', receipt(ada.id, 30, [{ artefact_id: invoice.id, amount: 24 }]));
    expect(onAccount.json.payment_on_account).toMatchObject({ total_amount: 6 });
  });

  it('a payment only settles invoices of its own contact (c.8)', async () => {
    const bobsInvoice = await createInvoice(client, bob.id, ledger('4000'));
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 24, [{ artefact_id: bobsInvoice.id, amount: 24 }])), 'allocated_artefacts.artefact', 'must belong to the same contact');
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 24, [{ artefact_id: 'f'.repeat(32), amount: 24 }])), 'allocated_artefacts.artefact', "Couldn't find Artefact.");
    expect((await client.post('/contact_payments', receipt(bob.id, 24, [{ artefact_id: bobsInvoice.id, amount: 24 }]))).status).toBe(201);
  });

  it('the payment currency must be the invoice currency; the payment takes the invoice rate (c.8, b.3)', async () => {
    const euro = await createContact(client, { name: 'Euro', reference: 'EURO', currency_id: 'EUR', main_address: FR_ADDRESS });
    const zero = line(ledger('4000'), { tax_rate_id: 'GB_ZERO', tax_amount: 0, eu_goods_services_type_id: 'GOODS' });
    const invoice = await createInvoice(client, euro.id, ledger('4000'), { main_address: FR_ADDRESS, currency_id: 'EUR', exchange_rate: 1.2, invoice_lines: [zero] });
    expectInvalid(await client.post('/contact_payments', receipt(euro.id, 20, [{ artefact_id: invoice.id, amount: 20 }], { currency_id: 'GBP' })), 'currency_id');
    const gbpInvoice = await createInvoice(client, ada.id, ledger('4000'));
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 24, [{ artefact_id: gbpInvoice.id, amount: 24 }], { currency_id: 'EUR', exchange_rate: 1.2 })), 'currency_id');
    const paid = await client.post('/contact_payments', receipt(euro.id, 20, [{ artefact_id: invoice.id, amount: 20 }], { currency_id: 'EUR' }));
    expect(paid.status).toBe(201);
    expect(paid.json).toMatchObject({ currency: { id: 'EUR' }, exchange_rate: 1.2, base_currency_total_amount: 16.67 });
    expect((await invoiceNow(invoice.id)).status.id).toBe('PAID');
  });

  it('DELETE takes the payment back off the invoice; a refused PUT changes nothing', async () => {
    const invoice = await createInvoice(client, ada.id, ledger('4000'));
    const payment = (await client.post('/contact_payments', receipt(ada.id, 24, [{ artefact_id: invoice.id, amount: 24 }]))).json;
    expectInvalid(await client.put(`/contact_payments/${payment.id}`, { contact_payment: { total_amount: 10 } }), 'total_amount');
    expect(await invoiceNow(invoice.id)).toMatchObject({ status: { id: 'PAID' }, total_paid: 24 });
    const edited = await client.put(`/contact_payments/${payment.id}`, { contact_payment: { total_amount: 10, allocated_artefacts: [{ artefact_id: invoice.id, amount: 10 }] } });
    expect(edited.status).toBe(200);
    expect(await invoiceNow(invoice.id)).toMatchObject({ status: { id: 'PART_PAID' }, total_paid: 10, outstanding_amount: 14 });
    expect((await client.delete(`/contact_payments/${payment.id}`)).status).toBe(204);
    expect(await invoiceNow(invoice.id)).toMatchObject({ status: { id: 'UNPAID' }, total_paid: 0, outstanding_amount: 24, payments_allocations: [] });
    expect((await client.get(`/contact_payments/${payment.id}`)).status).toBe(404);
  });

  it('an invoice with payments can be neither edited nor voided; a draft cannot be paid', async () => {
    const invoice = await createInvoice(client, ada.id, ledger('4000'));
    await client.post('/contact_payments', receipt(ada.id, 5, [{ artefact_id: invoice.id, amount: 5 }]));
    expectInvalid(await client.put(`/sales_invoices/${invoice.id}`, { sales_invoice: { notes: 'x' } }), 'base', /payments/);
    expectInvalid(await client.delete(`/sales_invoices/${invoice.id}?void_reason=oops`), 'base', /payments/);
    const draft = await createInvoice(client, ada.id, ledger('4000'), { status_id: 'DRAFT' });
    expectInvalid(await client.post('/contact_payments', receipt(ada.id, 5, [{ artefact_id: draft.id, amount: 5 }])), 'allocated_artefacts.artefact', /DRAFT/);
  });
});

