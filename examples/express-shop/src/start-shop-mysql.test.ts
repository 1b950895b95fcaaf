import { invoiceSchema, silentLogger } from '@byte8/core';
import { testDialects } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundInvoice } from './domain/refunds.js';
import { invoiceOrder, payInvoice, placeOrder } from './domain/sales.js';
import { type RunningShop, startShop } from './start-shop.js';

const mysqlDialect = testDialects(process.env, { mysql: true }).find((d) => d.name === 'mysql');

// The demo on DATABASE_URL=mysql://...: the shop's tables and the connector's in one MySQL
// database, the hooks inside the shop's own MySQL transactions, the worker polling.
describe.runIf(mysqlDialect)('startShop on MySQL', () => {
  let shop: RunningShop;
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = (await mysqlDialect!.createDatabase()) as typeof database;
    shop = await startShop({ port: 0, databaseUrl: database.url, logger: silentLogger, admin: { user: 'admin', password: 'secret' } });
  });
  afterAll(async () => {
    await shop?.close();
    await database?.drop();
  });

  const status = (type: 'invoice' | 'creditmemo', id: number) => shop.byte8.admin.documentStatus(type, id, 'sage_accounting');
  const waitForStatus = (type: 'invoice' | 'creditmemo', id: number, want: string) =>
    shop.simulator!.waitFor(async () => ((await status(type, id)).status === want ? true : null), { timeoutMs: 20_000 });

  it('stores on MySQL and syncs the seeded documents, the ledger pulling each in the contract shape', async () => {
    expect(shop.byte8.storage.dialect).toBe('mysql');
    for (const id of [1, 2, 3]) await waitForStatus('invoice', id, 'synced');
    await waitForStatus('creditmemo', 1, 'synced');
    const pulls = shop.simulator!.pulls;
    expect([...new Set(pulls.map((p) => p.entityType))].sort()).toEqual(['creditmemo', 'customer', 'invoice', 'product']);
    expect(pulls.filter((p) => p.status !== 200 || !p.valid).map((p) => [p.entityType, p.entityId, p.status, p.issues])).toEqual([]);
  });

  it('takes a new invoice to synced with the totals PostgreSQL gives, then its payment and refund', async () => {
    const deps = { db: shop.db, hooks: shop.byte8.hooks };
    const order = await placeOrder(deps, { customerId: 1, items: [{ productId: 2, qty: 3 }], paymentMethod: 'checkmo', shippingAmount: 4.5 });
    const invoiceId = await invoiceOrder(deps, order);
    await waitForStatus('invoice', invoiceId, 'synced');
    const canonical = await shop.byte8.handleInbound({
      method: 'GET', path: `/V1/byte8/invoice/${invoiceId}`, headers: { authorization: `Bearer ${shop.simulator!.mintInboundToken(shop.simulator!.tenants()[0]!.tenantId)}` },
      rawBody: '', secure: false, remoteAddress: '127.0.0.1',
    });
    expect(canonical.status).toBe(200);
    const body = invoiceSchema.parse(JSON.parse(canonical.body));
    expect(body).toMatchObject({ magento_id: invoiceId, state: 'open', subtotal: 28.5, tax_amount: 5.7, shipping_amount: 4.5, grand_total: 38.7, currency: 'GBP' });
    await payInvoice(deps, invoiceId);
    const memo = await refundInvoice(deps, invoiceId, { reason: 'Changed mind' });
    await waitForStatus('creditmemo', memo, 'synced');
  });

  it('rolls a refused order back together with its events', async () => {
    const deps = { db: shop.db, hooks: shop.byte8.hooks };
    const orders = async () => Number((await shop.db.selectFrom('shop_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const events = async () => (await shop.byte8.storage.outbox.list({})).total;
    const [ordersBefore, eventsBefore] = [await orders(), await events()];
    await expect(placeOrder(deps, { customerId: 1, items: [{ productId: 1, qty: 100_000 }], paymentMethod: 'checkmo' })).rejects.toThrow(/in stock/);
    expect([await orders(), await events()]).toEqual([ordersBefore, eventsBefore]);
  });
});
