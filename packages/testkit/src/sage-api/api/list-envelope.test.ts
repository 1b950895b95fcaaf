import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, apiAs, connect, type Json, startSim } from '../sage-api.test-helpers.js';

let sim: SageApiSimulator;
let client: ApiClient;
let clock = Date.parse('2026-03-01T10:00:00Z');

beforeAll(async () => {
  sim = await startSim({ clock: { now: () => new Date(clock) } });
  client = apiAs(sim, (await connect(sim)).access_token);
  // 45 contacts, one second apart, so paging and `updated_or_created_since` have something to cut.
  for (let i = 1; i <= 45; i += 1) {
    const result = await client.post('/contacts', { contact: { name: `Customer ${String(i).padStart(2, '0')}`, reference: `C${i}`, contact_type_ids: ['CUSTOMER'], main_contact_person: { email: `c${i}@example.com` } } });
    expect(result.status).toBe(201);
    clock += 1000;
  }
});
afterAll(() => sim.stop());

const names = (list: Json) => list.$items.map((item: Json) => item.displayed_as);

describe('paged list envelope (c.3)', () => {
  it('pages 20 by default with $total, $page, $next, $back, $itemsPerPage and short items', async () => {
    const first = (await client.get('/contacts')).json;
    expect(first).toMatchObject({ $total: 45, $page: 1, $back: null, $itemsPerPage: 20, $next: '/contacts?page=2&items_per_page=20' });
    expect(first.$items).toHaveLength(20);
    expect(Object.keys(first.$items[0]).sort()).toEqual(['$path', 'displayed_as', 'id']);
    expect(first.$items[0].displayed_as).toBe('Customer 01 (C1)');
    const last = (await client.get('/contacts?page=3')).json;
    expect(last).toMatchObject({ $page: 3, $next: null, $back: '/contacts?page=2&items_per_page=20' });
    expect(last.$items).toHaveLength(5);
  });

  it('follows $next to the end without gaps or repeats', async () => {
    const seen: string[] = [];
    for (let next: string | null = '/contacts?items_per_page=7&sort=name'; next !== null; ) {
      const page: Json = (await client.get(next)).json;
      seen.push(...page.$items.map((item: Json) => item.id));
      next = page.$next;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('answers the last page for a page beyond the end, clamps items_per_page to 200, refuses nonsense', async () => {
    expect((await client.get('/contacts?page=99&items_per_page=10')).json).toMatchObject({ $page: 5, $next: null });
    const clamped = (await client.get('/contacts?items_per_page=500')).json;
    expect(clamped).toMatchObject({ $itemsPerPage: 200, $total: 45 });
    expect(clamped.$items).toHaveLength(45);
    for (const query of ['items_per_page=0', 'items_per_page=-5', 'items_per_page=abc', 'page=0', 'page=1.5']) {
      const result = await client.get(`/contacts?${query}`);
      expect(result.status, query).toBe(422);
      expect(result.json[0].$source).toBe(query.split('=')[0]);
    }
  });

  it('attributes=all shows whole objects; a list adds just those fields', async () => {
    const all = (await client.get('/contacts?attributes=all&items_per_page=1')).json.$items[0];
    expect(all).toMatchObject({ name: 'Customer 01', reference: 'C1', email: 'c1@example.com', currency: { id: 'GBP' }, contact_types: [{ id: 'CUSTOMER' }] });
    const some = (await client.get('/contacts?attributes=reference,email,nope&items_per_page=1')).json.$items[0];
    expect(Object.keys(some).sort()).toEqual(['$path', 'displayed_as', 'email', 'id', 'reference']);
  });

  it('search matches name, reference and email; email matches the contact person email', async () => {
    expect(names((await client.get('/contacts?search=customer 4')).json)).toEqual(['Customer 40 (C40)', 'Customer 41 (C41)', 'Customer 42 (C42)', 'Customer 43 (C43)', 'Customer 44 (C44)', 'Customer 45 (C45)']);
    expect(names((await client.get('/contacts?search=c45')).json)).toEqual(['Customer 45 (C45)']);
    expect(names((await client.get('/contacts?search=C7@EXAMPLE')).json)).toEqual(['Customer 07 (C7)']);
    expect(names((await client.get('/contacts?email=c9@example.com')).json)).toEqual(['Customer 09 (C9)']);
    expect((await client.get('/contacts?email=c9@example')).json.$total).toBe(0);
  });

  it('updated_or_created_since is inclusive and takes a date-time with offset or a date', async () => {
    // Contact 41 was created at 10:00:40 UTC = 11:00:40 +01:00.
    expect((await client.get('/contacts?updated_or_created_since=2026-03-01T11:00:40%2B01:00')).json.$total).toBe(5);
    expect((await client.get('/contacts?updated_or_created_since=2026-03-01')).json.$total).toBe(45);
    expect((await client.get('/contacts?updated_or_created_since=2026-03-02')).json.$total).toBe(0);
    expect((await client.get('/contacts?updated_or_created_since=yesterday')).status).toBe(422);
  });

  it('sort takes an attribute and :desc', async () => {
    expect(names((await client.get('/contacts?sort=name:desc&items_per_page=2')).json)).toEqual(['Customer 45 (C45)', 'Customer 44 (C44)']);
    expect(names((await client.get('/contacts?sort=created_at&items_per_page=1')).json)).toEqual(['Customer 01 (C1)']);
    expect((await client.get('/contacts?sort=name:sideways')).status).toBe(422);
  });

  it('ledger accounts filter on visible_in (c.3, b.2) and refuse an unknown scope', async () => {
    const sales = (await client.get('/ledger_accounts?visible_in=sales&attributes=nominal_code&items_per_page=50')).json.$items.map((item: Json) => item.nominal_code);
    expect(sales).toEqual([4000, 4010, 4905, 4900]);
    const expenses = (await client.get('/ledger_accounts?visible_in=expenses&attributes=nominal_code')).json.$items.map((item: Json) => item.nominal_code);
    expect(expenses).toEqual([5000, 7500]);
    expect((await client.get('/ledger_accounts?visible_in=everywhere')).status).toBe(422);
    expect((await client.get('/ledger_accounts?search=4010')).json.$total).toBe(1);
  });

  it('serves the reference lists a connector reads (c.5, c.6)', async () => {
    const ids = async (path: string) => (await client.get(path)).json.$items.map((item: Json) => item.id);
    expect(await ids('/tax_rates')).toEqual(['GB_STANDARD', 'GB_LOWER', 'GB_ZERO', 'GB_EXEMPT', 'GB_NO_TAX']);
    expect((await client.get('/tax_rates/GB_STANDARD')).json).toMatchObject({ displayed_as: 'Standard 20.00%', name: 'STANDARD', percentage: 20, editable: false, deletable: false });
    expect((await client.get('/tax_rates/GB_NO_TAX')).json.displayed_as).toBe('No VAT');
    expect(await ids('/currencies')).toEqual(['GBP', 'EUR', 'USD']);
    expect((await client.get('/exchange_rates/EUR')).json).toMatchObject({ rate: 1.17, base_currency: { id: 'GBP' }, currency: { id: 'EUR' } });
    expect(await ids('/eu_goods_services_types')).toEqual(['GOODS', 'SERVICES']);
    expect(await ids('/artefact_statuses')).toEqual(['DRAFT', 'UNPAID', 'PART_PAID', 'PAID', 'VOID', 'DISPUTED']);
    expect(await ids('/contact_types')).toEqual(['CUSTOMER', 'VENDOR']);
    expect(await ids('/transaction_types')).toContain('CUSTOMER_RECEIPT');
    expect(await ids('/payment_methods')).toContain('CREDIT_DEBIT');
    expect(await ids('/catalog_item_types')).toEqual(['STOCK_ITEM', 'NON_STOCK_ITEM', 'SERVICE']);
    const banks = (await client.get('/bank_accounts?attributes=all')).json.$items;
    expect(banks.map((bank: Json) => bank.ledger_account.displayed_as)).toEqual(['Current Account (1200)', 'Card Receipts Account (1210)']);
  });
});
