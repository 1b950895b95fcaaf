import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, expectInvalid, type Json, startSim } from '../sage-api.test-helpers.js';
import { createContact, createInvoice, FR_ADDRESS, invoiceBody, line, SOLO, soloClient, UK_ADDRESS } from './resource-fixtures.test-helpers.js';

let sim: SageApiSimulator;
let client: ApiClient;
let ledger: (code: string) => string;
let uk: Json;
let french: Json;
let euro: Json;

beforeAll(async () => {
  sim = await startSim();
  ({ client, ledger } = await soloClient(sim));
  uk = await createContact(client, { reference: 'UK1' });
  french = await createContact(client, { name: 'Marie Curie', reference: 'FR1', main_address: FR_ADDRESS });
  euro = await createContact(client, { name: 'Euro Buyer', reference: 'EU1', currency_id: 'EUR', main_address: FR_ADDRESS });
});
afterAll(() => sim.stop());

const post = (body: unknown) => client.post('/sales_invoices', body);
const invoices = () => sim.business(SOLO).list('sales_invoices');
const zeroLine = (overrides: Record<string, unknown> = {}) => line(ledger('4000'), { tax_rate_id: 'GB_ZERO', tax_amount: 0, eu_goods_services_type_id: 'GOODS', ...overrides });

describe('server-side rules (c.8)', () => {
  it('cross-border customer on a UK business: a non-zero rate is refused, Zero Rated is accepted', async () => {
    const standard = await post(invoiceBody(french.id, ledger('4000'), { main_address: FR_ADDRESS, invoice_lines: [line(ledger('4000'), { eu_goods_services_type_id: 'GOODS' })] }));
    expectInvalid(standard, 'line_items.tax_rate_id', "The tax rate must be 'Zero Rated' for Customers outside the EU");
    const exempt = await post(invoiceBody(french.id, ledger('4000'), { main_address: FR_ADDRESS, invoice_lines: [zeroLine({ tax_rate_id: 'GB_EXEMPT' })] }));
    expectInvalid(exempt, 'line_items.tax_rate_id', /Zero Rated/);
    const zero = await post(invoiceBody(french.id, ledger('4000'), { main_address: FR_ADDRESS, invoice_lines: [zeroLine()] }));
    expect(zero.status).toBe(201);
    expect(zero.json.tax_amount).toBe(0);
  });

  it('cross-border is read from the contact’s address when the invoice has none', async () => {
    const { main_address: _omit, ...withoutAddress } = invoiceBody(french.id, ledger('4000')).sales_invoice;
    expectInvalid(await post({ sales_invoice: withoutAddress }), 'line_items.tax_rate_id', /Zero Rated/);
    const accepted = await post({ sales_invoice: { ...withoutAddress, invoice_lines: [zeroLine()] } });
    expect(accepted.status).toBe(201);
    expect(accepted.json.main_address).toMatchObject({ address_line_1: FR_ADDRESS.address_line_1, country: { id: 'FR' } });
  });

  it('cross-border lines need GOODS or SERVICES, the same on every line; domestic lines need none', async () => {
    const body = (lines: unknown[]) => invoiceBody(french.id, ledger('4000'), { main_address: FR_ADDRESS, invoice_lines: lines });
    expectInvalid(await post(body([zeroLine({ eu_goods_services_type_id: undefined })])), 'line_items.eu_goods_services_type_id', 'This field is required.');
    expectInvalid(await post(body([zeroLine(), zeroLine({ eu_goods_services_type_id: 'SERVICES' })])), 'line_items.eu_goods_services_type_id', 'must be the same for all lines');
    expectInvalid(await post(body([zeroLine({ eu_goods_services_type_id: 'DIGITAL' })])), 'line_items.eu_goods_services_type');
    const same = await post(body([zeroLine({ eu_goods_services_type_id: 'SERVICES' }), zeroLine({ eu_goods_services_type_id: 'SERVICES' })]));
    expect(same.status).toBe(201);
    expect(same.json.invoice_lines.map((l: Json) => l.eu_goods_services_type.id)).toEqual(['SERVICES', 'SERVICES']);
    expect((await post(invoiceBody(uk.id, ledger('4000')))).status).toBe(201);
  });

  it('an invoice in the base currency refuses an exchange rate other than 1.0', async () => {
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { exchange_rate: 1.2 })), 'exchange_rate', /1\.0/);
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { currency_id: 'GBP', exchange_rate: '0.85' })), 'exchange_rate');
    expect((await post(invoiceBody(uk.id, ledger('4000'), { exchange_rate: 1 }))).status).toBe(201);
    expect((await post(invoiceBody(uk.id, ledger('4000'), { currency_id: 'GBP' }))).json.exchange_rate).toBe(1);
  });

  it('a foreign-currency invoice carries its rate; base amounts are amount / rate (e.12)', async () => {
    const eur = await post(invoiceBody(euro.id, ledger('4000'), { main_address: FR_ADDRESS, currency_id: 'EUR', exchange_rate: 1.25, invoice_lines: [zeroLine({ quantity: 1, unit_price: 100 })] }));
    expect(eur.status).toBe(201);
    expect(eur.json).toMatchObject({ currency: { id: 'EUR' }, exchange_rate: 1.25, inverse_exchange_rate: 0.8, total_amount: 100, base_currency_total_amount: 80 });
    const defaulted = await post(invoiceBody(euro.id, ledger('4000'), { main_address: FR_ADDRESS, invoice_lines: [zeroLine({ quantity: 1, unit_price: 117 })] }));
    expect(defaulted.json).toMatchObject({ currency: { id: 'EUR' }, exchange_rate: 1.17, base_currency_total_amount: 100 });
  });

  it('a contact is locked to one currency: its invoices must be in it', async () => {
    expectInvalid(await post(invoiceBody(euro.id, ledger('4000'), { main_address: FR_ADDRESS, currency_id: 'GBP', invoice_lines: [zeroLine()] })), 'currency_id', "must match the contact's currency");
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { currency_id: 'EUR', exchange_rate: 1.17 })), 'currency_id');
  });

  it('an invoice needs an address: its own or the contact’s (c.8 "Invoice Address is required")', async () => {
    const bare = await createContact(client, { name: 'No Address', reference: 'NOADDR', main_address: undefined });
    const { main_address: _omit, ...withoutAddress } = invoiceBody(bare.id, ledger('4000')).sales_invoice;
    expectInvalid(await post({ sales_invoice: withoutAddress }), 'main_address', 'Invoice Address is required');
    expectInvalid(await post({ sales_invoice: { ...withoutAddress, main_address: { city: 'Leeds' } } }), 'main_address', 'Invoice Address is required');
    expect((await post(invoiceBody(bare.id, ledger('4000')))).status).toBe(201);
    const fromContact = await post({ sales_invoice: { ...withoutAddress, contact_id: uk.id } });
    expect(fromContact.status).toBe(201);
    expect(fromContact.json.main_address.address_line_1).toBe(UK_ADDRESS.address_line_1);
  });

  it('a missing delivery address is the billing address; a given one is kept', async () => {
    const copied = await createInvoice(client, uk.id, ledger('4000'));
    expect(copied.delivery_address).toEqual(copied.main_address);
    const delivery = { address_line_1: '9 Other Road', city: 'York', postal_code: 'YO1 1AA', country_id: 'GB' };
    const kept = await createInvoice(client, uk.id, ledger('4000'), { delivery_address: delivery });
    expect(kept.delivery_address).toMatchObject({ address_line_1: '9 Other Road', city: 'York' });
  });

  it('shipping tax is recomputed from rate x net; an explicit shipping_tax_amount 0 is ignored (the phantom balance)', async () => {
    const taxed = await createInvoice(client, uk.id, ledger('4000'), { shipping_net_amount: 4.99, shipping_tax_rate_id: 'GB_STANDARD', shipping_tax_amount: 0 });
    expect(taxed).toMatchObject({ shipping_net_amount: 4.99, shipping_tax_amount: 1, shipping_total_amount: 5.99, net_amount: 24.99, tax_amount: 5, total_amount: 29.99 });
    const zeroRated = await createInvoice(client, uk.id, ledger('4000'), { shipping_net_amount: 4.99, shipping_tax_rate_id: 'GB_ZERO', shipping_tax_amount: 3 });
    expect(zeroRated).toMatchObject({ shipping_tax_amount: 0, total_amount: 28.99 });
    expect((await createInvoice(client, uk.id, ledger('4000'), { shipping_net_amount: 4.99 })).shipping_tax_amount).toBe(0);
  });

  it('raw HTML entities in line descriptions are refused; the decoded text and a bare & are accepted', async () => {
    for (const description of ['Widget&trade;', 'Fish &amp; Chips', 'Caf&#233;', 'Logo &#x2122;']) {
      expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { description })] })), 'line_items.description', /HTML entities/);
    }
    for (const description of ['Widget™', 'Fish & Chips', 'R&D; phase 2', 'Café']) {
      expect((await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { description })] }))).status, description).toBe(201);
    }
  });

  it('a per-line tax amount is required unless the rate is zero, exempt or no-tax', async () => {
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { tax_amount: undefined })] })), 'line_items.tax_amount', 'This field is required.');
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { tax_rate_id: undefined })] })), 'line_items.tax_rate_id', 'This field is required.');
    for (const rate of ['GB_ZERO', 'GB_EXEMPT', 'GB_NO_TAX']) {
      const result = await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { tax_rate_id: rate, tax_amount: undefined })] }));
      expect(result.status, rate).toBe(201);
      expect(result.json.tax_amount).toBe(0);
    }
    expectInvalid(await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { tax_rate_id: 'GB_ZERO', tax_amount: 2 })] })), 'line_items.tax_rate_percentage', /tax rate is zero/);
  });

  it('zero-value invoices are accepted', async () => {
    const free = await createInvoice(client, uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { unit_price: 0, tax_amount: 0 })] });
    expect(free).toMatchObject({ total_amount: 0, outstanding_amount: 0, status: { id: 'PAID' } });
  });

  it('a refused invoice changes nothing: no number is used up', async () => {
    const before = invoices().length;
    await post(invoiceBody(uk.id, ledger('4000'), { invoice_lines: [line(ledger('4000'), { description: '&trade;' })] }));
    expect(invoices()).toHaveLength(before);
    const next = await createInvoice(client, uk.id, ledger('4000'));
    expect(next.displayed_as).toBe(`SI-${before + 1}`);
  });
});

