import { invoiceFixture, testDialects } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DirectShop, startDirectShop } from './direct-shop.test-helpers.js';

describe.each(testDialects(process.env, { mysql: true }))('direct mode and reconciliation, on $name (design §8)', (dialect) => {
  let shop: DirectShop;
  beforeAll(async () => {
    shop = await startDirectShop(dialect);
  });
  afterAll(() => shop?.close());

  it('enqueues an invoice whose save event was lost, and the worker posts it to Sage once', async () => {
    const createdAt = new Date(shop.clock.now().getTime() - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    // The host saved it, but its event bus dropped the event: no hook call.
    shop.source.invoices.set(70, invoiceFixture({ magento_id: 70, increment_id: 'LOST70', created_at: createdAt }));
    const report = await shop.byte8.reconciler.runOnce();
    expect(JSON.stringify(report)).toContain('sage_accounting');
    await shop.drain();
    expect(shop.business.list('sales_invoices').map((invoice) => invoice.reference)).toEqual(['LOST70']);
    expect(await shop.chip('invoice', 70)).toMatchObject({ status: 'synced' });
    await shop.byte8.reconciler.runOnce();
    await shop.drain();
    expect(shop.business.list('sales_invoices')).toHaveLength(1);
  });
});
