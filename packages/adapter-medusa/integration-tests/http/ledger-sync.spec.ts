import path from 'node:path';
import { medusaIntegrationTestRunner } from '@medusajs/test-utils';
import { LedgerSimulator } from '@byte8/testkit';
import { adminHeaders } from '../helpers/admin-headers.js';
import { byte8Of } from '../helpers/byte8-of.js';
import { MedusaShop, eventually } from '../helpers/medusa-shop.js';

const PROVIDER = 'sage_accounting';

/** Parts of the plugin's admin API answers the suite reads. */
interface ProviderStatus {
  readonly key: string;
  readonly connection: { readonly connected: boolean };
}
interface DocumentGroup {
  readonly provider: string;
  readonly name: string;
  readonly documents: ReadonlyArray<{ readonly status: string }>;
}

medusaIntegrationTestRunner({
  cwd: path.join(__dirname, '../fixture'),
  testSuite: ({ api, getContainer, dbConnection }) => {
    let sim: LedgerSimulator;
    beforeAll(async () => {
      sim = await LedgerSimulator.start({ policy: 'synced' });
    });
    afterAll(async () => {
      await sim?.stop();
    });
    beforeEach(() => sim.reset());

    /** Pairs the app with the simulator through the admin API and the provider's own pair route. */
    async function pair(provider = PROVIDER): Promise<{ tenantId: string; headers: Record<string, string> }> {
      const headers = await adminHeaders(getContainer());
      const issued = await api.post('/admin/byte8/pairing-code', { provider }, { headers });
      expect(issued.status).toBe(200);
      const paired = await sim.pair(api.defaults.baseURL, issued.data.code, { provider });
      expect(paired.status).toBe(200);
      return { tenantId: paired.tenantId, headers };
    }

    async function known(event: string, entityType: string, hostId: string, provider = PROVIDER): Promise<boolean> {
      const { connector } = await byte8Of(getContainer());
      const id = await connector.storage.entityRefs.aliasOf(entityType, hostId);
      return connector.storage.outbox.knows(provider, event, id);
    }

    it('syncs an order, its capture and refund, a customer and a product to the ledger, and serves the status back', async () => {
      const { tenantId, headers } = await pair();
      const status = await api.get('/admin/byte8/status', { headers });
      expect(status.status).toBe(200);
      expect(status.data.providers.map((p: ProviderStatus) => [p.key, p.connection.connected])).toEqual([
        [PROVIDER, true],
        ['xero', false],
        ['freeagent', false],
      ]);
      expect(status.data.providers[0]).toMatchObject({ key: PROVIDER, connection: { connected: true, tenantId } });

      const shop = new MedusaShop(getContainer());
      const customerId = await shop.createCustomer('grace@byte8.test');
      const orderId = await shop.placeOrder({ email: 'grace@byte8.test', customerId });
      await eventually(() => known('invoice.created', 'invoice', orderId), 'order.placed to enqueue invoice.created');
      await shop.capture(orderId);
      await eventually(() => known('invoice.paid', 'invoice', orderId), 'payment.captured to enqueue invoice.paid');
      await shop.refund(orderId, 5, 'Chipped handle');
      await shop.updateCustomer(customerId, { first_name: 'Amazing Grace' });
      const { productId, variantId } = await shop.createProduct('TEAPOT-BLUE');
      await shop.updateProduct(productId, { title: 'Teapot XL' });

      const medusa = await byte8Of(getContainer());
      const ids = {
        invoice: await medusa.connector.storage.entityRefs.aliasOf('invoice', orderId),
        customer: await medusa.connector.storage.entityRefs.aliasOf('customer', customerId),
        product: await medusa.connector.storage.entityRefs.aliasOf('product', variantId),
      };
      const { data: [refund] } = await shop.query.graph({ entity: 'refund', fields: ['id', 'amount'], filters: {} });
      const creditMemoId = await medusa.connector.storage.entityRefs.aliasOf('creditmemo', refund.id);
      await eventually(() => known('creditmemo.created', 'creditmemo', refund.id), 'payment.refunded to enqueue creditmemo.created');
      await eventually(() => known('customer.upserted', 'customer', customerId), 'customer events to enqueue customer.upserted');
      await eventually(() => known('product.upserted', 'product', variantId), 'product events to enqueue product.upserted');

      await medusa.connector.worker.drainUntilIdle();
      await sim.idle();

      // Every delivery accepted, once, with the contract's keys and envelopes.
      const delivered = sim.deliveries.map((d) => [d.event, d.idempotencyKey, d.status]);
      expect(delivered).toEqual(
        expect.arrayContaining([
          ['invoice.created', `invoice.created:${ids.invoice}`, 202],
          ['invoice.paid', `invoice.paid:${ids.invoice}`, 202],
          ['creditmemo.created', `creditmemo.created:${creditMemoId}`, 202],
          ['customer.upserted', expect.stringMatching(new RegExp(`^customer\\.upserted:${ids.customer}`)), 202],
          ['product.upserted', expect.stringMatching(new RegExp(`^product\\.upserted:${ids.product}`)), 202],
        ]),
      );
      expect(sim.deliveries.every((d) => d.status === 202 && d.tenantId === tenantId && d.provider === PROVIDER)).toBe(true);
      expect(sim.stats.duplicateDeliveries).toBe(0);

      // Every pulled entity validated against the core's canonical schemas.
      expect(sim.pulls.map((p) => ({ type: p.entityType, status: p.status, valid: p.valid, issues: p.issues }))).toEqual(
        sim.pulls.map((p) => ({ type: p.entityType, status: 200, valid: true, issues: [] })),
      );
      const pulled = (type: string, id: number) => sim.pulls.find((p) => p.entityType === type && p.entityId === id)?.body as any;
      const { data: [order] } = await shop.query.graph({ entity: 'order', fields: ['id', 'display_id'], filters: { id: orderId } });
      const created = sim.deliveries.find((d) => d.event === 'invoice.created')!;
      expect(created.envelope).toMatchObject({ magento_entity_id: ids.invoice, website_id: 1, store_id: 1, payload: { increment_id: String(order.display_id), paid: false } });
      expect(pulled('invoice', ids.invoice)).toMatchObject({
        magento_id: ids.invoice,
        increment_id: String(order.display_id),
        currency: 'EUR',
        grand_total: 20,
        customer: { magento_id: ids.customer, email: 'grace@byte8.test' },
        lines: [{ name: 'Mug', qty: 2, unit_price: 10, line_total: 20 }],
        billing_address: { country_id: 'DE', city: 'Berlin' },
      });
      expect(pulled('payment', ids.invoice)).toMatchObject({ invoice_id: ids.invoice, method: 'pp_system_default', amount: 20, currency: 'EUR' });
      expect(pulled('creditmemo', creditMemoId)).toMatchObject({
        increment_id: `${order.display_id}-R1`,
        invoice_id: ids.invoice,
        grand_total: 5,
        adjustment_positive: 5,
        reason: 'Chipped handle',
      });
      expect(pulled('customer', ids.customer)).toMatchObject({ email: 'grace@byte8.test', first_name: 'Amazing Grace' });
      expect(pulled('product', ids.product)).toMatchObject({ sku: 'TEAPOT-BLUE', name: 'Teapot XL - Blue', price: 30 });

      // The ledger's callbacks reached the mirror, and the admin API serves them.
      await sim.waitForCallbacks(5);
      const statuses = await api.get(`/admin/byte8/orders/${orderId}`, { headers });
      expect(statuses.status).toBe(200);
      expect(statuses.data).toMatchObject({
        orderId,
        invoiceId: ids.invoice,
        // Xero and FreeAgent are installed but not paired: their chips show none, and no payment event is queued for them.
        invoice: [
          { provider: PROVIDER, documents: [{ entityId: ids.invoice, status: 'synced' }] },
          { provider: 'xero', documents: [{ entityId: ids.invoice, status: 'none' }] },
          { provider: 'freeagent', documents: [{ entityId: ids.invoice, status: 'none' }] },
        ],
        creditMemos: [
          { provider: PROVIDER, documents: [{ entityId: creditMemoId, status: 'synced', label: `Credit memo #${order.display_id}-R1` }] },
          { provider: 'xero', documents: [{ entityId: creditMemoId, status: 'none' }] },
          { provider: 'freeagent', documents: [{ entityId: creditMemoId, status: 'none' }] },
        ],
        payments: [
          { provider: PROVIDER, paidEventQueued: true },
          { provider: 'xero', paidEventQueued: false },
          { provider: 'freeagent', paidEventQueued: false },
        ],
      });
      const missing = await api.get('/admin/byte8/orders/order_missing', { headers }).catch((e: any) => e.response);
      expect(missing.status).toBe(404);
    });

    it('with Sage, Xero and FreeAgent paired, an order reaches each tenant and a product only Sage', async () => {
      const tenants: Record<string, string> = {};
      for (const provider of [PROVIDER, 'xero', 'freeagent']) tenants[provider] = (await pair(provider)).tenantId;
      const headers = await adminHeaders(getContainer());
      const shop = new MedusaShop(getContainer());
      const orderId = await shop.placeOrder({ email: 'three@byte8.test' });
      for (const provider of Object.keys(tenants)) await eventually(() => known('invoice.created', 'invoice', orderId, provider), `invoice.created for ${provider}`);
      const { variantId } = await shop.createProduct('KETTLE-RED');
      await eventually(() => known('product.upserted', 'product', variantId), 'product.upserted for Sage');
      expect(await known('product.upserted', 'product', variantId, 'xero')).toBe(false);

      const medusa = await byte8Of(getContainer());
      await medusa.connector.worker.drainUntilIdle();
      await sim.idle();
      const invoiceId = await medusa.connector.storage.entityRefs.aliasOf('invoice', orderId);
      const created = sim.deliveries.filter((d) => d.event === 'invoice.created').map((d) => [d.provider, d.tenantId, d.idempotencyKey, d.status]);
      expect(created.sort()).toEqual(
        Object.entries(tenants)
          .map(([provider, tenantId]) => [provider, tenantId, `invoice.created:${invoiceId}`, 202])
          .sort(),
      );
      expect(sim.deliveries.filter((d) => d.event === 'product.upserted').map((d) => d.provider)).toEqual([PROVIDER]);
      expect(sim.exchanges.some((e) => e.path === `/webhooks/magento/${tenants.xero}/invoice.created?provider=xero`)).toBe(true);

      await sim.waitForCallbacks(4);
      // The order widget shows a chip per provider; the product widget only Sage's.
      const statuses = await api.get(`/admin/byte8/orders/${orderId}`, { headers });
      expect(statuses.data.invoice.map((g: DocumentGroup) => [g.provider, g.name, g.documents[0]?.status])).toEqual([
        [PROVIDER, 'Sage Accounting', 'synced'],
        ['xero', 'Xero Accounting', 'synced'],
        ['freeagent', 'FreeAgent Accounting', 'synced'],
      ]);
      const { data: [product] } = await shop.query.graph({ entity: 'product_variant', fields: ['id', 'product_id'], filters: { id: variantId } });
      const productStatuses = await api.get(`/admin/byte8/products/${product.product_id}`, { headers });
      expect(productStatuses.data.statuses.map((g: DocumentGroup) => g.provider)).toEqual([PROVIDER]);

      // Disconnecting FreeAgent leaves the other two connected.
      await api.post('/admin/byte8/disconnect', { provider: 'freeagent' }, { headers });
      const after = await api.get('/admin/byte8/status', { headers });
      expect(after.data.providers.map((p: ProviderStatus) => [p.key, p.connection.connected])).toEqual([
        [PROVIDER, true],
        ['xero', true],
        ['freeagent', false],
      ]);
    });

    it('shows events held for a previous tenant in the admin status and sends them to the current tenant on request', async () => {
      const { tenantId, headers } = await pair();
      const { connector } = await byte8Of(getContainer());
      // As an event enqueued before a re-pair to another tenant is left behind.
      await connector.storage.outbox.enqueue([
        { provider: PROVIDER, tenantId: 'tenant-before', eventName: 'customer.upserted', idempotencyKey: 'customer.upserted:987', body: '{}', entityType: 'customer', entityId: 987, upsert: false },
      ]);
      const status = await api.get('/admin/byte8/status', { headers });
      expect(status.data.providers[0].held).toEqual({ count: 1, tenants: ['tenant-before'], currentTenantId: tenantId });
      const bad = await api.post('/admin/byte8/held', { provider: PROVIDER, action: 'delete' }, { headers }).catch((e: any) => e.response);
      expect(bad.status).toBe(400);
      expect(bad.data.message).toMatch(/^action: /);
      const wrongType = await api.post('/admin/byte8/held', { provider: 42, action: 'drop' }, { headers }).catch((e: any) => e.response);
      expect(wrongType.status).toBe(400);
      expect((await api.get('/admin/byte8/status', { headers })).data.providers[0].held.count).toBe(1);
      const moved = await api.post('/admin/byte8/held', { provider: PROVIDER, action: 'readdress' }, { headers });
      expect(moved.data).toEqual({ provider: PROVIDER, action: 'readdress', changed: 1 });
      expect((await api.get('/admin/byte8/status', { headers })).data.providers[0].held.count).toBe(0);
      await connector.worker.drainUntilIdle();
      expect(sim.deliveries.filter((d) => d.idempotencyKey === 'customer.upserted:987').map((d) => d.tenantId)).toEqual([tenantId]);
    });

    it('an order whose order.placed was lost is still synced by the reconciliation sweep', async () => {
      await pair();
      const shop = new MedusaShop(getContainer());
      const orderId = await shop.placeOrder({ email: 'lost@byte8.test' });
      await eventually(() => known('invoice.created', 'invoice', orderId), 'order.placed to enqueue invoice.created');
      const medusa = await byte8Of(getContainer());
      const invoiceId = await medusa.connector.storage.entityRefs.aliasOf('invoice', orderId);
      // Lose the event: neither the outbox nor the mirror knows the order any more.
      await dbConnection.raw("delete from byte8_event_outbox where entity_type = 'invoice' and entity_ref = ?", [invoiceId]);
      await dbConnection.raw("delete from byte8_entity_sync_state where entity_type = 'invoice' and magento_id = ?", [invoiceId]);
      expect(await known('invoice.created', 'invoice', orderId)).toBe(false);

      const report = await medusa.connector.reconciler.runOnce();
      expect(report.enqueued).toBeGreaterThanOrEqual(1);
      expect(await known('invoice.created', 'invoice', orderId)).toBe(true);
      await medusa.connector.worker.drainUntilIdle();
      await sim.idle();
      expect(sim.deliveries.filter((d) => d.event === 'invoice.created').map((d) => [d.idempotencyKey, d.status])).toEqual([
        [`invoice.created:${invoiceId}`, 202],
      ]);
      expect(sim.pulls.find((p) => p.entityType === 'invoice' && p.entityId === invoiceId)).toMatchObject({ status: 200, valid: true });

      // A second pass finds nothing more to do.
      expect((await medusa.connector.reconciler.runOnce()).enqueued).toBe(0);
    });

    it('explains a failed payment in words, syncs it again through the admin API, and serves the day’s figures', async () => {
      const { headers } = await pair();
      sim.setPolicy('invoice.paid', { outcome: 'failed', errorCode: 'validation', message: 'No bank account is mapped for pp_system_default.' });
      try {
        const shop = new MedusaShop(getContainer());
        const orderId = await shop.placeOrder({ email: 'pay@byte8.test' });
        await eventually(() => known('invoice.created', 'invoice', orderId), 'order.placed to enqueue invoice.created');
        await shop.capture(orderId);
        await eventually(() => known('invoice.paid', 'invoice', orderId), 'payment.captured to enqueue invoice.paid');
        const medusa = await byte8Of(getContainer());
        const invoiceId = await medusa.connector.storage.entityRefs.aliasOf('invoice', orderId);
        await medusa.connector.worker.drainUntilIdle();
        await sim.idle();

        const failed = (await api.get(`/admin/byte8/orders/${orderId}`, { headers })).data;
        const { data: [order] } = await shop.query.graph({ entity: 'order', fields: ['id', 'display_id'], filters: { id: orderId } });
        expect(failed.invoice[0].documents[0]).toMatchObject({
          entityType: 'invoice',
          entityId: invoiceId,
          status: 'failed',
          reason: 'Sync failed: Sage Accounting rejected the data as invalid (validation). The ledger says: “No bank account is mapped for pp_system_default.”',
        });
        // One entry per installed provider; only Sage is paired here.
        const sagePayment = failed.payments.find((p: { provider: string }) => p.provider === PROVIDER);
        expect(sagePayment).toEqual(
          expect.objectContaining({
            provider: PROVIDER,
            paidEventQueued: true,
            documents: [expect.objectContaining({ label: `Payment #${order.display_id}`, eventName: 'invoice.paid', outboxStatus: 'succeeded', status: 'failed', entityId: invoiceId })],
          }),
        );
        expect(sagePayment.documents[0].reason).toContain('No bank account is mapped');

        // Bad requests change nothing.
        const before = (await medusa.connector.storage.outbox.list({})).total;
        const refused = async (body: unknown, status: number, withHeaders = headers) =>
          expect((await api.post('/admin/byte8/resync', body, { headers: withHeaders }).catch((e: any) => e.response)).status).toBe(status);
        const forSage = { provider: PROVIDER };
        await refused({ entity_type: 'invoice', entity_id: invoiceId, ...forSage }, 401, {});
        await refused({ entity_type: 'order', entity_id: invoiceId, ...forSage }, 400);
        await refused({ entity_type: 'invoice', entity_id: String(invoiceId), ...forSage }, 400);
        await refused({ entity_type: 'invoice', entity_id: -1, ...forSage }, 400);
        await refused({ entity_type: 'invoice', entity_id: invoiceId, extra: true, ...forSage }, 400);
        // Several providers are installed: which one must be said.
        await refused({ entity_type: 'invoice', entity_id: invoiceId }, 400);
        await refused({ entity_type: 'invoice', entity_id: invoiceId, provider: 'nope' }, 400);
        // Xero is installed but not paired.
        await refused({ entity_type: 'invoice', entity_id: invoiceId, provider: 'xero' }, 409);
        await refused({ entity_type: 'invoice', entity_id: 987_654_321, ...forSage }, 404);
        expect((await medusa.connector.storage.outbox.list({})).total).toBe(before);
        expect((await api.get(`/admin/byte8/orders/${orderId}`, { headers })).data.invoice[0].documents[0].status).toBe('failed');

        sim.setPolicy('invoice.paid', 'synced');
        const again = await api.post('/admin/byte8/resync', { entity_type: 'invoice', entity_id: invoiceId, provider: PROVIDER }, { headers });
        expect(again.status).toBe(200);
        expect(again.data).toMatchObject({ provider: PROVIDER, outcome: 'queued', events: ['invoice.created', 'invoice.paid'] });
        expect((await api.get(`/admin/byte8/orders/${orderId}`, { headers })).data.invoice[0].documents[0]).toMatchObject({ status: 'pending', reason: null });
        await medusa.connector.worker.drainUntilIdle();
        await sim.idle();
        const synced = (await api.get(`/admin/byte8/orders/${orderId}`, { headers })).data;
        expect(synced.invoice[0].documents[0].status).toBe('synced');
        expect(synced.payments.find((p: { provider: string }) => p.provider === PROVIDER).documents[0]).toMatchObject({ status: 'synced', idempotencyKey: expect.stringMatching(new RegExp(`^invoice\\.paid:${invoiceId}:v\\d+$`)) });

        const figures = await api.get('/admin/byte8/figures', { headers });
        expect(figures.status).toBe(200);
        const sage = figures.data.providers.find((p: { key: string }) => p.key === PROVIDER).figures;
        expect(sage).toMatchObject({ pending: 0, refused24h: 0, failedAtLedger24h: 0, oldestPending: '—' });
        expect(sage.deliveredToday).toBe(sim.deliveries.filter((d) => d.status === 202).length);
        expect(sage.hours).toHaveLength(24);
        expect((await api.get('/admin/byte8/figures').catch((e: any) => e.response)).status).toBe(401);
      } finally {
        sim.setPolicy('invoice.paid', 'synced');
      }
    });
  },
});
