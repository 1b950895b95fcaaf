import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, expectInvalid, type Json, startSim } from '../sage-api.test-helpers.js';
import { createContact, createInvoice, invoiceBody, line, SOLO, soloClient, UK_ADDRESS } from './resource-fixtures.test-helpers.js';

let sim: SageApiSimulator;
let client: ApiClient;
let ledger: (code: string) => string;
let bank: string;
let contact: Json;
let stockItem: Json;

beforeAll(async () => {
  sim = await startSim();
  ({ client, ledger, bank } = await soloClient(sim));
  contact = await createContact(client, { reference: 'BASE' });
  const item = await client.post('/stock_items', {
    stock_item: { item_code: 'STOCK-BASE', description: 'Base', sales_ledger_account_id: ledger('4000'), purchase_ledger_account_id: ledger('5000') },
  });
  stockItem = item.json;
});
afterAll(() => sim.stop());

/** A string of `length` characters that differs per case, so unique fields (reference, item_code) do not clash. */
let serial = 0;
const text = (length: number) => {
  serial += 1;
  const head = serial.toString(36).toUpperCase();
  return (head + 'x'.repeat(length)).slice(0, length);
};

type Case = readonly [label: string, path: string, body: (value: string) => unknown, source: string, max: number];

const contactCase = (field: string, max: number, nested?: string): Case => [
  `contact ${nested ? `${nested}.` : ''}${field}`,
  '/contacts',
  (value) => ({ contact: { name: 'Length Test', contact_type_ids: ['CUSTOMER'], ...(nested ? { [nested]: { [field]: value } } : { [field]: value }) } }),
  nested ? `${nested}.${field}` : field,
  max,
];

// Every limit of (c.7).
const cases = (): Case[] => [
  contactCase('name', 100),
  contactCase('reference', 10),
  contactCase('notes', 4000),
  contactCase('locale', 10),
  ...(['address_line_1', 'address_line_2', 'city', 'region', 'name'] as const).map((field) => contactCase(field, 50, 'main_address')),
  contactCase('postal_code', 10, 'main_address'),
  contactCase('address_line_1', 50, 'delivery_address'),
  contactCase('name', 50, 'main_contact_person'),
  contactCase('email', 100, 'main_contact_person'),
  ...(
    [
      ['reference', 25],
      ['invoice_number_prefix', 6],
      ['notes', 2000],
      ['terms_and_conditions', 2000],
    ] as const
  ).map(([field, max]): Case => [`sales invoice ${field}`, '/sales_invoices', (value) => invoiceBody(contact.id, ledger('4000'), { [field]: value }), field, max]),
  ...(
    [
      ['reference', 25],
      ['credit_note_number_prefix', 6],
      ['notes', 2000],
    ] as const
  ).map(([field, max]): Case => [`sales credit note ${field}`, '/sales_credit_notes', (value) => invoiceBody(contact.id, ledger('4000'), { [field]: value }, 'sales_credit_note', 'credit_note_lines'), field, max]),
  [
    'contact payment reference',
    '/contact_payments',
    (value) => ({ contact_payment: { transaction_type_id: 'CUSTOMER_RECEIPT', contact_id: contact.id, bank_account_id: bank, date: '2026-03-02', total_amount: 5, reference: value } }),
    'reference',
    25,
  ],
  ...(['products', 'services'] as const).flatMap((resource): Case[] => {
    const root = resource === 'products' ? 'product' : 'service';
    const base = () => ({ description: 'Item', sales_ledger_account_id: ledger('4000'), purchase_ledger_account_id: ledger('5000') });
    return [
      [`${root} item_code`, `/${resource}`, (value) => ({ [root]: { ...base(), item_code: value } }), 'item_code', 255],
      [`${root} description`, `/${resource}`, (value) => ({ [root]: { ...base(), description: value } }), 'description', 255],
      [`${root} notes`, `/${resource}`, (value) => ({ [root]: { ...base(), notes: value } }), 'notes', 500],
    ];
  }),
  [
    'stock item item_code',
    '/stock_items',
    (value) => ({ stock_item: { item_code: value, description: 'Stocked', sales_ledger_account_id: ledger('4000'), purchase_ledger_account_id: ledger('5000') } }),
    'item_code',
    30,
  ],
  ...(
    [
      ['details', 50],
      ['reference', 31],
      ['movement_number', 4],
    ] as const
  ).map(([field, max]): Case => [
    `stock movement ${field}`,
    '/stock_movements',
    (value) => ({ stock_movement: { stock_item_id: stockItem.id, date: '2026-03-02', quantity: 1, cost_price: 1, details: 'Count', [field]: value } }),
    field,
    max,
  ]),
];

describe('field length limits (c.7)', () => {
  it('has a case for every limit', () => {
    // Every (c.7) limit is here except void_reason (its own test below). Product/service limits are tried on both; the
    // contact's `email` is its main contact person's (e.15: a POSTed contact has no top-level email), so one case covers
    // both email limits; delivery_address is tried beside main_address.
    expect(cases()).toHaveLength(31);
  });

  // Bodies are built lazily: the seeded ids and the contact exist only once beforeAll ran.
  for (const [label, path, body, source, max] of cases()) {
    it(`${label}: ${max + 1} characters is refused on ${source}, ${max} is accepted`, async () => {
      const before = sim.business(SOLO).list(path.slice(1)).length;
      expectInvalid(await client.post(path, body(text(max + 1))), source, `is too long (maximum is ${max} characters)`);
      expect(sim.business(SOLO).list(path.slice(1))).toHaveLength(before);
      const accepted = await client.post(path, body(text(max)));
      expect(accepted.status, JSON.stringify(accepted.json)).toBe(201);
    });
  }

  it('sales invoice void_reason: 201 characters is refused, 200 voids (c.7, c.5)', async () => {
    const invoice = await createInvoice(client, contact.id, ledger('4000'));
    const tooLong = await client.delete(`/sales_invoices/${invoice.id}?void_reason=${'r'.repeat(201)}`);
    expectInvalid(tooLong, 'void_reason', 'is too long (maximum is 200 characters)');
    expect((await client.get(`/sales_invoices/${invoice.id}`)).json.status.id).toBe('UNPAID');
    expect((await client.delete(`/sales_invoices/${invoice.id}?void_reason=${'r'.repeat(200)}`)).status).toBe(204);
    expect((await client.get(`/sales_invoices/${invoice.id}`)).json).toMatchObject({ status: { id: 'VOID' }, void_reason: 'r'.repeat(200) });
  });

  it('counts characters, not bytes', async () => {
    const result = await client.post('/contacts', { contact: { name: 'é'.repeat(100), contact_type_ids: ['CUSTOMER'], main_address: UK_ADDRESS } });
    expect(result.status).toBe(201);
    expect((await client.post('/sales_invoices', invoiceBody(contact.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { description: 'ü'.repeat(300) })] }))).status).toBe(201);
  });
});
