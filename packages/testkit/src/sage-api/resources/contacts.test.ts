import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, expectInvalid, startSim } from '../sage-api.test-helpers.js';
import { contactBody, createContact, createInvoice, SOLO, soloClient } from './resource-fixtures.test-helpers.js';

let sim: SageApiSimulator;
let client: ApiClient;
let ledger: (code: string) => string;

beforeAll(async () => {
  sim = await startSim();
  ({ client, ledger } = await soloClient(sim));
});
afterAll(() => sim.stop());

describe('contacts (c.6)', () => {
  it('requires name and contact_type_ids, and knows the contact types', async () => {
    const empty = await client.post('/contacts', { contact: {} });
    expectInvalid(empty, 'name', 'This field is required.');
    expectInvalid(empty, 'contact_type_ids', 'This field is required.');
    expectInvalid(await client.post('/contacts', { contact: { name: 'X', contact_type_ids: [] } }), 'contact_type_ids');
    expectInvalid(await client.post('/contacts', { contact: { name: 'X', contact_type_ids: ['FRIEND'] } }), 'contact_types');
    expectInvalid(await client.post('/contacts', { contact: { name: '   ', contact_type_ids: ['CUSTOMER'] } }), 'name');
    expectInvalid(await client.post('/contacts', { contact: { name: { first: 'x' }, contact_type_ids: ['CUSTOMER'] } }), 'name', 'is invalid');
    expect(sim.business(SOLO).list('contacts')).toEqual([]);
  });

  it('answers 201 with displayed_as "name (reference)", the contact person email as email, and the base currency', async () => {
    const created = await client.post('/contacts', contactBody({ reference: 'M1', source_guid: 'magento-customer-1' }));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      displayed_as: 'Ada Lovelace (M1)',
      name: 'Ada Lovelace',
      reference: 'M1',
      email: 'ada@example.com',
      currency: { id: 'GBP' },
      contact_types: [{ id: 'CUSTOMER', displayed_as: 'Customer', $path: '/contact_types/CUSTOMER' }],
      main_address: { address_line_1: '1 Test Street', country: { id: 'GB' } },
      source_guid: 'magento-customer-1',
      deleted_at: null,
    });
    // source_guid is kept but not searchable: no source says a list filters on it.
    expect((await client.get('/contacts?search=magento-customer-1')).json.$total).toBe(0);
    expect((await client.get('/contacts?search=M1')).json.$total).toBe(1);
  });

  it('refuses unknown ledger accounts, tax rates, currencies and countries', async () => {
    const unknown = '0123456789abcdef0123456789abcdef';
    expectInvalid(await client.post('/contacts', contactBody({ reference: 'Z1', default_sales_ledger_account_id: unknown })), 'default_sales_ledger_account');
    expectInvalid(await client.post('/contacts', contactBody({ reference: 'Z1', default_sales_tax_rate_id: 'GB_NOPE' })), 'default_sales_tax_rate');
    expectInvalid(await client.post('/contacts', contactBody({ reference: 'Z1', currency_id: 'XXX' })), 'currency');
    expectInvalid(await client.post('/contacts', contactBody({ reference: 'Z1', main_address: { address_line_1: 'x', country_id: 'France' } })), 'main_address.country');
    expect((await client.post('/contacts', contactBody({ reference: 'Z1', default_sales_ledger_account_id: ledger('4000'), currency_id: 'USD' }))).status).toBe(201);
  });

  it('references are unique; a soft-deleted contact keeps its reference reserved (c.8)', async () => {
    const first = await createContact(client, { reference: 'M5' });
    expectInvalid(await client.post('/contacts', contactBody({ reference: 'M5' })), 'reference', 'has already been taken');
    expect((await client.delete(`/contacts/${first.id}`)).status).toBe(204);
    expect((await client.get(`/contacts/${first.id}`)).status).toBe(404);
    expect((await client.get('/contacts?search=M5')).json.$total).toBe(0);
    expectInvalid(await client.post('/contacts', contactBody({ reference: 'M5' })), 'reference', 'is reserved by a deleted contact');
    // PUT on a deleted contact is refused too.
    expectInvalid(await client.put(`/contacts/${first.id}`, { contact: { name: 'Back again' } }), 'base', /deleted/);
    expect(sim.business(SOLO).get('contacts', first.id)).toMatchObject({ name: 'Ada Lovelace', deleted_at: expect.any(String) });
    expect((await client.get('/contacts?deleted_since=2000-01-01')).json.$items.map((c: { id: string }) => c.id)).toEqual([first.id]);
    expect((await client.post('/contacts', contactBody({ reference: 'M5E' }))).status).toBe(201);
    expect((await client.delete(`/contacts/${first.id}`)).status).toBe(404);
  });

  it('PUT merges fields and re-checks the whole contact', async () => {
    const contact = await createContact(client, { reference: 'P1' });
    const updated = await client.put(`/contacts/${contact.id}`, { contact: { notes: 'VIP', main_address: { city: 'York' } } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ notes: 'VIP', name: 'Ada Lovelace', reference: 'P1', main_address: { address_line_1: '1 Test Street', city: 'York' } });
    expectInvalid(await client.put(`/contacts/${contact.id}`, { contact: { reference: 'M5E' } }), 'reference', 'has already been taken');
    expectInvalid(await client.put(`/contacts/${contact.id}`, { contact: { name: null } }), 'name');
    expect((await client.get(`/contacts/${contact.id}`)).json.reference).toBe('P1');
    expect(sim.business(SOLO).counts.updates.contacts).toBe(1);
  });

  it('a contact is locked to its currency once it has transactions (c.8)', async () => {
    const contact = await createContact(client, { reference: 'CUR1' });
    const changed = await client.put(`/contacts/${contact.id}`, { contact: { currency_id: 'EUR' } });
    expect(changed.json.currency.id).toBe('EUR');
    await client.put(`/contacts/${contact.id}`, { contact: { currency_id: 'GBP' } });
    await createInvoice(client, contact.id, ledger('4000'));
    expectInvalid(await client.put(`/contacts/${contact.id}`, { contact: { currency_id: 'EUR' } }), 'currency_id', /cannot be changed/);
  });

  it('a supplier or a deleted contact cannot be invoiced', async () => {
    const supplier = await createContact(client, { reference: 'V1', contact_type_ids: ['VENDOR'] });
    await expect(createInvoice(client, supplier.id, ledger('4000'))).rejects.toThrow(/contact/);
    const gone = await createContact(client, { reference: 'GONE1' });
    await client.delete(`/contacts/${gone.id}`);
    await expect(createInvoice(client, gone.id, ledger('4000'))).rejects.toThrow(/Couldn't find Contact/);
  });

  it('filters by contact type and email', async () => {
    expect((await client.get('/contacts?contact_type_id=VENDOR')).json.$total).toBe(1);
    expect((await client.get('/contacts?email=ADA@example.com')).json.$total).toBeGreaterThan(1);
  });
});
