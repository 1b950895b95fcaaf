import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, expectInvalid, startSim } from '../sage-api.test-helpers.js';
import { createContact, createInvoice, invoiceBody, line, SOLO, soloClient } from './resource-fixtures.test-helpers.js';

let sim: SageApiSimulator;
let client: ApiClient;
let ledger: (code: string) => string;

beforeAll(async () => {
  sim = await startSim();
  ({ client, ledger } = await soloClient(sim));
});
afterAll(() => sim.stop());

const product = (overrides: Record<string, unknown> = {}) => ({
  product: { description: 'Blue Mug', item_code: 'MUG-1', sales_ledger_account_id: ledger('4000'), purchase_ledger_account_id: ledger('5000'), sales_prices: [{ price_name: 'Selling Price', price: 9.99, price_includes_tax: false }], ...overrides },
});
const stockItem = (overrides: Record<string, unknown> = {}) => ({
  stock_item: { item_code: 'TEE-1', description: 'T-shirt', sales_ledger_account_id: ledger('4000'), purchase_ledger_account_id: ledger('5000'), quantity_in_stock: 10, ...overrides },
});
const movement = (itemId: string, overrides: Record<string, unknown> = {}) => ({ stock_movement: { stock_item_id: itemId, date: '2026-03-02', quantity: 5, cost_price: 3, details: 'Stocktake from Magento', ...overrides } });
const quantityOf = async (id: string) => (await client.get(`/stock_items/${id}`)).json.quantity_in_stock;

describe('products and services (c.6)', () => {
  it('a product demands a purchase ledger account even when only sold (c.8)', async () => {
    const { purchase_ledger_account_id: _omit, ...withoutPurchase } = product().product;
    expectInvalid(await client.post('/products', { product: withoutPurchase }), 'purchase_ledger_account_id', 'This field is required.');
    expectInvalid(await client.post('/products', product({ purchase_ledger_account_id: ledger('4000') })), 'purchase_ledger_account', "Couldn't find Ledger Account.");
    const created = await client.post('/products', product({ source_guid: 'magento-product-7' }));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      displayed_as: 'Blue Mug',
      item_code: 'MUG-1',
      purchase_ledger_account: { id: ledger('5000') },
      sales_ledger_account: { id: ledger('4000') },
      catalog_item_type: { id: 'NON_STOCK_ITEM' },
      sales_prices: [{ price_name: 'Selling Price', price: 9.99, price_includes_tax: false }],
      active: true,
      source_guid: 'magento-product-7',
    });
  });

  it('requires description and sales_ledger_account_id; refuses unknown ids and a second item code', async () => {
    const empty = await client.post('/products', { product: {} });
    for (const source of ['description', 'sales_ledger_account_id', 'purchase_ledger_account_id']) expectInvalid(empty, source, 'This field is required.');
    expectInvalid(await client.post('/products', product({ item_code: 'OTHER', sales_tax_rate_id: 'GB_NOPE' })), 'sales_tax_rate');
    expectInvalid(await client.post('/products', product({ item_code: 'OTHER', sales_ledger_account_id: 'f'.repeat(32) })), 'sales_ledger_account');
    expectInvalid(await client.post('/products', product()), 'item_code', 'has already been taken');
    expectInvalid(await client.post('/products', product({ item_code: 'OTHER', sales_prices: [{ price_name: 'x' }] })), 'sales_prices.price');
  });

  it('a service needs no purchase ledger account and carries sales_rates', async () => {
    expectInvalid(await client.post('/services', { service: {} }), 'sales_ledger_account_id');
    const service = await client.post('/services', { service: { description: 'Gift wrap', item_code: 'WRAP', sales_ledger_account_id: ledger('4010'), sales_rates: [{ rate_name: 'Standard', rate: 2.5 }] } });
    expect(service.status).toBe(201);
    expect(service.json).toMatchObject({ catalog_item_type: { id: 'SERVICE' }, sales_rates: [{ rate_name: 'Standard', rate: 2.5, rate_includes_tax: false }], purchase_ledger_account: null });
    const line1 = line(ledger('4010'), { service_id: service.json.id });
    const contact = await createContact(client, { reference: 'SVC' });
    expect((await client.post('/sales_invoices', invoiceBody(contact.id, ledger('4000'), { invoice_lines: [line1] }))).json.invoice_lines[0].service.id).toBe(service.json.id);
  });

  it('PUT updates a product; search and active filter find it', async () => {
    const mug = (await client.get('/products?search=mug-1')).json.$items[0];
    const updated = await client.put(`/products/${mug.id}`, { product: { active: false, sales_prices: [{ price_name: 'Selling Price', price: 11 }] } });
    expect(updated.json).toMatchObject({ active: false, item_code: 'MUG-1', sales_prices: [{ price: 11 }] });
    expect((await client.get('/products?active=true')).json.$total).toBe(0);
    expect((await client.get('/products?active=false')).json.$total).toBe(1);
    expect((await client.get('/products?active=maybe')).status).toBe(422);
    expect((await client.delete(`/products/${mug.id}`)).status).toBe(204);
    expect((await client.get(`/products/${mug.id}`)).status).toBe(404);
  });
});

describe('stock items and movements (c.6)', () => {
  it('a stock item requires item_code and both ledger accounts, and starts with its opening quantity', async () => {
    const empty = await client.post('/stock_items', { stock_item: {} });
    for (const source of ['item_code', 'description', 'sales_ledger_account_id', 'purchase_ledger_account_id']) expectInvalid(empty, source, 'This field is required.');
    const created = await client.post('/stock_items', stockItem());
    expect(created.json).toMatchObject({ catalog_item_type: { id: 'STOCK_ITEM' }, quantity_in_stock: 10 });
  });

  it('a movement adjusts quantity_in_stock (negative takes stock out); PUT and DELETE correct it', async () => {
    const item = (await client.post('/stock_items', stockItem({ item_code: 'TEE-2' }))).json;
    const up = await client.post('/stock_movements', movement(item.id, { quantity: 5, movement_number: '1', reference: 'magento-42' }));
    expect(up.status).toBe(201);
    expect(up.json).toMatchObject({ stock_item: { id: item.id }, quantity: 5, details: 'Stocktake from Magento', reference: 'magento-42' });
    expect(await quantityOf(item.id)).toBe(15);
    const down = await client.post('/stock_movements', movement(item.id, { quantity: -3 }));
    expect(await quantityOf(item.id)).toBe(12);
    await client.put(`/stock_movements/${down.json.id}`, { stock_movement: { quantity: -7 } });
    expect(await quantityOf(item.id)).toBe(8);
    await client.delete(`/stock_movements/${up.json.id}`);
    expect(await quantityOf(item.id)).toBe(3);
    expect((await client.get(`/stock_movements?stock_item_id=${item.id}`)).json.$total).toBe(1);
  });

  it('refuses a movement without its required fields, with quantity 0 or an unknown stock item', async () => {
    const empty = await client.post('/stock_movements', { stock_movement: {} });
    for (const source of ['stock_item_id', 'date', 'quantity', 'cost_price', 'details']) expectInvalid(empty, source, 'This field is required.');
    const item = (await client.get('/stock_items?search=TEE-1')).json.$items[0];
    expectInvalid(await client.post('/stock_movements', movement(item.id, { quantity: 0 })), 'quantity');
    expectInvalid(await client.post('/stock_movements', movement('f'.repeat(32))), 'stock_item', "Couldn't find Stock Item.");
    expect(await quantityOf(item.id)).toBe(10);
  });

  it('selling a stock item on an invoice takes it out of stock; voiding puts it back; a draft moves nothing', async () => {
    const item = (await client.post('/stock_items', stockItem({ item_code: 'TEE-3' }))).json;
    const contact = await createContact(client, { reference: 'STOCK' });
    const sold = line(ledger('4000'), { product_id: item.id, quantity: 4, tax_amount: 8 });
    const invoice = await createInvoice(client, contact.id, ledger('4000'), { invoice_lines: [sold] });
    expect(invoice.invoice_lines[0].product).toMatchObject({ id: item.id, $path: `/stock_items/${item.id}` });
    expect(await quantityOf(item.id)).toBe(6);
    await createInvoice(client, contact.id, ledger('4000'), { invoice_lines: [sold], status_id: 'DRAFT' });
    expect(await quantityOf(item.id)).toBe(6);
    await client.delete(`/sales_invoices/${invoice.id}?void_reason=Cancelled`);
    expect(await quantityOf(item.id)).toBe(10);
    expect((await client.get('/stock_items?out_of_stock=true')).json.$total).toBe(0);
    expect(sim.business(SOLO).list('stock_movements')).toHaveLength(1);
  });
});
