import { invoiceSchema, silentLogger } from '@byte8/core';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { sageAccounting } from '@byte8/sage-accounting';
import { xeroAccounting } from '@byte8/xero-accounting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundInvoice } from './domain/refunds.js';
import { invoiceOrder, payInvoice, placeOrder } from './domain/sales.js';
import { type RunningShop, startShop } from './start-shop.js';

// The same function `pnpm start` runs (main.ts), on in-memory PGlite with the simulator.
describe('startShop (the demo startup path)', () => {
  let shop: RunningShop;
  const lines: string[] = [];
  beforeAll(async () => {
    shop = await startShop({ port: 0, logger: silentLogger, admin: { user: 'admin', password: 'secret' }, print: (line) => lines.push(line) });
  });
  afterAll(() => shop?.close());

  const status = (type: 'invoice' | 'creditmemo', id: number) => shop.byte8.admin.documentStatus(type, id, 'sage_accounting');
  const waitForStatus = (type: 'invoice' | 'creditmemo', id: number, want: string) =>
    shop.simulator!.waitFor(async () => ((await status(type, id)).status === want ? true : null), { timeoutMs: 20_000 });

  it('prints the shop and admin URLs and pairs with the simulator', async () => {
    expect(lines.some((l) => l.startsWith(`Shop:   ${shop.shopUrl}/`))).toBe(true);
    expect(lines.some((l) => l.includes(`${shop.shopUrl}/admin/byte8/`))).toBe(true);
    const connection = await shop.byte8.admin.connectionStatus('sage_accounting');
    expect(connection.connected).toBe(true);
    expect(shop.simulator!.tenants()).toHaveLength(1);
  });

  it('syncs the seeded invoices and credit memo', async () => {
    for (const id of [1, 2, 3]) await waitForStatus('invoice', id, 'synced');
    await waitForStatus('creditmemo', 1, 'synced');
    const pulls = shop.simulator!.pulls;
    expect([...new Set(pulls.map((p) => p.entityType))].sort()).toEqual(['creditmemo', 'customer', 'invoice', 'product']);
    // Every entity the ledger pulled had the contract's shape (the simulator validates against core's schemas).
    expect(pulls.filter((p) => p.status !== 200 || !p.valid).map((p) => [p.entityType, p.entityId, p.status, p.issues])).toEqual([]);
  });

  it('takes a new invoice from pending to synced, and the ledger pulls it in the contract shape', async () => {
    const deps = { db: shop.db, hooks: shop.byte8.hooks };
    const order = await placeOrder(deps, { customerId: 1, items: [{ productId: 2, qty: 3 }], paymentMethod: 'checkmo', shippingAmount: 4.5 });
    const invoiceId = await invoiceOrder(deps, order);
    expect(['pending', 'synced']).toContain((await status('invoice', invoiceId)).status);
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

  it('refuses a bad shop request and writes nothing', async () => {
    const deps = { db: shop.db, hooks: shop.byte8.hooks };
    const before = await shop.db.selectFrom('shop_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await expect(placeOrder(deps, { customerId: 1, items: [{ productId: 1, qty: 100_000 }], paymentMethod: 'checkmo' })).rejects.toThrow(/in stock/);
    const after = await shop.db.selectFrom('shop_orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('startShop with Sage, Xero and FreeAgent', () => {
  let shop: RunningShop;
  beforeAll(async () => {
    shop = await startShop({ port: 0, logger: silentLogger, admin: { user: 'admin', password: 'secret' }, providers: [sageAccounting(), xeroAccounting(), freeAgentAccounting()] });
  });
  afterAll(() => shop?.close());

  it('pairs each provider with its own tenant and syncs the seeded invoices to all three, products to Sage alone', async () => {
    const sim = shop.simulator!;
    expect(sim.tenants().map((t) => t.bindings)).toEqual([['sage_accounting'], ['xero'], ['freeagent']]);
    for (const key of ['sage_accounting', 'xero', 'freeagent']) {
      await sim.waitFor(async () => ((await shop.byte8.admin.documentStatus('invoice', 1, key)).status === 'synced' ? true : null), { timeoutMs: 20_000 });
    }
    await sim.idle();
    const products = sim.deliveries.filter((d) => d.event === 'product.upserted');
    expect(products.length).toBeGreaterThan(0);
    expect(new Set(products.map((d) => d.provider))).toEqual(new Set(['sage_accounting']));
    expect(sim.deliveries.every((d) => d.status === 202)).toBe(true);
  });
});
