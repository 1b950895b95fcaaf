import { guestContactFixture, invoiceFixture, invoiceLineFixture, productFixture, testDialects } from '@byte8/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DirectShop, startDirectShop, testPolicy } from './direct-shop.test-helpers.js';

describe.each(testDialects(process.env, { mysql: true }))('direct mode, policy skips and failures as a bookkeeper reads them, on $name (spec b.1, b.9, c.4)', (dialect) => {
  let shop: DirectShop;
  beforeAll(async () => {
    shop = await startDirectShop(dialect, {
      policy: (seed) => testPolicy(seed, { syncZeroValueInvoices: false, syncSince: '2026-01-01T00:00:00Z', websiteFilter: [1, 2], defaultTaxRateId: null }),
    });
  });
  afterAll(() => shop?.close());
  const row = async (entityId: number) =>
    (await sql<{ status: string; last_error: string | null; last_status_code: number | null }>`SELECT status, last_error, last_status_code FROM byte8_event_outbox WHERE entity_ref = ${entityId} ORDER BY entity_id DESC LIMIT 1`.execute(shop.storage.db)).rows[0]!;

  it('skips by the filters of b.1 with their reasons and posts nothing', async () => {
    await shop.saveInvoice(invoiceFixture({ magento_id: 1, increment_id: '1', lines: [], subtotal: 0, tax_amount: 0, shipping_amount: 0, grand_total: 0 }));
    await shop.saveInvoice(invoiceFixture({ magento_id: 2, increment_id: '2', created_at: '2025-12-31T23:59:59Z' }));
    await shop.saveInvoice(invoiceFixture({ magento_id: 3, increment_id: '3', website_id: 9 }));
    await shop.saveProduct(productFixture({ magento_id: 4, sku: 'CONF', product_type: 'configurable' }));
    await shop.drain();
    expect((await shop.chip('invoice', 1))?.skipReason).toBe('zero_value_invoice');
    expect((await shop.chip('invoice', 2))?.skipReason).toBe('outside_sync_since');
    expect((await shop.chip('invoice', 3))?.skipReason).toBe('website_not_in_filter');
    expect(await shop.chip('product', 4)).toMatchObject({ status: 'skipped', skipReason: 'PRODUCT_TYPE_NOT_SUPPORTED' });
    expect(shop.business.list('sales_invoices')).toEqual([]);
    expect(shop.business.list('contacts')).toEqual([]);
  });

  it('fails a line with no mapped rate and no default tax rate, naming the setting, without posting (b.2, b.4)', async () => {
    await shop.saveInvoice(invoiceFixture({ magento_id: 5, increment_id: '5', lines: [invoiceLineFixture({ tax_rate: 0.175, line_tax: 5.95, line_total: 39.95 })] }));
    await shop.drain();
    const chip = await shop.chip('invoice', 5);
    expect(chip).toMatchObject({ status: 'failed', errorCode: 'missing_setting' });
    expect(chip?.message).toContain('policy.defaultTaxRateId');
    expect(await row(5)).toMatchObject({ status: 'dead_lettered' });
    expect(shop.business.counts.creates.sales_invoices ?? 0).toBe(0);
  });

  it("shows Sage's 422 with $dataCode and $source: $message, dead-letters once, and posts once after the fix and a requeue (c.4, b.8 §20)", async () => {
    // A guest with no address anywhere: Sage answers "Invoice Address is required" (c.8).
    const guest = guestContactFixture({ email: 'noaddress@example.com', addresses: [] });
    const invoice = invoiceFixture({ magento_id: 6, increment_id: '6', customer: guest, billing_address: null, shipping_address: null });
    await shop.saveInvoice(invoice);
    await shop.drain();
    const failed = await shop.chip('invoice', 6);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'RecordInvalid', providerEntityId: null });
    expect(failed?.message).toContain('main_address: Invoice Address is required');
    const dead = await row(6);
    expect(dead).toMatchObject({ status: 'dead_lettered', last_status_code: 422 });
    expect(dead.last_error).toContain('"$source":"main_address"');
    // Not retried forever: a further pass sends nothing.
    const before = shop.sim.stats.creates.sales_invoices ?? 0;
    shop.clock.advance(86_400_000);
    await shop.byte8.worker.drainUntilIdle();
    expect(shop.sim.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v3.1/sales_invoices')).length).toBe(1);
    // The merchant fixes the address and requeues.
    shop.source.invoices.set(6, { ...invoice, billing_address: invoiceFixture().billing_address });
    expect(await shop.storage.outbox.requeue({ all: true }, 'sage_accounting')).toBeGreaterThanOrEqual(1);
    await shop.drain();
    expect(await shop.chip('invoice', 6)).toMatchObject({ status: 'synced', errorCode: null, message: null });
    expect((shop.sim.stats.creates.sales_invoices ?? 0) - before).toBe(1);
  });

  it('refuses a bad policy at boot, naming the setting', async () => {
    const { sageDirect } = await import('../sage-direct.js');
    const base = { clientId: 'c', clientSecret: 's', redirectUri: 'http://127.0.0.1:9/cb' };
    expect(() => sageDirect({ ...base, policy: { taxRateMap: { twenty: 'GB_STANDARD' } } })).toThrow('sageDirect option "policy.taxRateMap.twenty": "twenty" is not a non-negative percentage (invalid_format)');
    expect(() => sageDirect({ ...base, policy: { syncProducts: true } })).toThrow('policy.defaultPurchaseLedgerAccountId');
    expect(() => sageDirect({ ...base, policy: { syncStock: true, syncProducts: false } })).toThrow('"policy.syncStock": needs syncProducts: true');
    expect(() => sageDirect({ ...base, policy: { defaultEuGoodsServicesType: 'GADGETS' as never } })).toThrow('OUT_OF_RANGE');
    expect(() => sageDirect({ ...base, policy: { b2cConsolidation: { fallbackContactReference: 'WEBSALES-LONG' } } })).toThrow('policy.b2cConsolidation.fallbackContactReference');
    expect(() => sageDirect({ ...base, policy: { b2cConsolidation: { fallbackContactEmail: 'not-an-email' } } })).toThrow('must be a valid email address');
    expect(() => sageDirect({ ...base, policy: { syncSince: 'yesterday' } })).toThrow('policy.syncSince');
    expect(() => sageDirect({ ...base, policy: { unknownSetting: true } as never })).toThrow('sageDirect option "policy"');
    expect(() => sageDirect({ ...base, policy: { websiteFilter: ['1'] as never } })).toThrow('policy.websiteFilter.0');
  });
});
