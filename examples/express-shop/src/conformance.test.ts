import { silentLogger } from '@byte8/core';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { sageAccounting } from '@byte8/sage-accounting';
import { testDialects } from '@byte8/testkit';
import { runHostConformance } from '@byte8/testkit/conformance';
import { xeroAccounting } from '@byte8/xero-accounting';
import { createCustomer, createProduct } from './domain/catalog.js';
import { invoiceOrder, placeOrder } from './domain/sales.js';
import { startShop } from './start-shop.js';

// The testkit's host conformance suite against the Express adapter, as the demo
// shop composes it (real routes over HTTP, hooks inside the shop's transactions),
// with Sage, Xero and FreeAgent installed at once: once per provider, the other
// two installed beside it.
const PROVIDERS = ['sage_accounting', 'xero', 'freeagent'] as const;
for (const dialect of testDialects(process.env, { mysql: true })) {
  for (const provider of PROVIDERS) runHostConformance(`express adapter on ${dialect.name}, ${provider} (of three installed)`, async () => {
    const database = await dialect.createDatabase();
    const shop = await startShop({
      port: 0,
      ...(database.dialect === 'pglite' ? { pglite: database.pglite } : { databaseUrl: database.url }),
      // The suite brings its own simulator and pairs through the admin API.
      ledgerUrl: 'http://127.0.0.1:9',
      // ...and its own simulator, on another port of 127.0.0.1, is the ledger that pairs.
      allowedLedgerHosts: ['127.0.0.1'],
      autoPair: false,
      startWorker: false,
      seed: false,
      providers: [sageAccounting(), xeroAccounting(), freeAgentAccounting()],
      logger: silentLogger, admin: { user: 'admin', password: 'conformance' },
    });
    const deps = { db: shop.db, hooks: shop.byte8.hooks };
    let customer: number | null = null;
    let product: number | null = null;
    return {
      inboundBaseUrl: shop.shopUrl,
      provider,
      generatePairingCode: async () => (await shop.byte8.admin.generatePairingCode(provider)).code,
      async createInvoice() {
        customer ??= await createCustomer(deps, { email: 'c@example.com', firstName: 'Con', lastName: 'Formance', street: '1 Road', city: 'Leeds', postcode: 'LS1 1AA', countryId: 'GB' });
        product ??= await createProduct(deps, { sku: 'CONF-1', name: 'Conformance item', price: 12.5, taxRate: 0.2, stockQty: 1000 });
        return invoiceOrder(deps, await placeOrder(deps, { customerId: customer, items: [{ productId: product, qty: 1 }], paymentMethod: 'checkmo' }));
      },
      drain: async () => {
        await shop.byte8.worker.drainUntilIdle();
      },
      syncStatus: async (entityType, id) => (await shop.byte8.admin.documentStatus(entityType, id, provider)).status,
      deadLetterCount: async () => (await shop.byte8.admin.deadLetters({ provider })).count,
      requeueAll: () => shop.byte8.admin.requeue({ all: true }, provider),
      disconnect: async () => {
        await shop.byte8.admin.disconnect(provider);
      },
      isConnected: async () => (await shop.byte8.admin.connectionStatus(provider)).connected,
      pendingOutboxCount: async () =>
        (await shop.byte8.storage.outbox.counts()).filter((c) => c.status === 'pending').reduce((n, c) => n + c.count, 0),
      async close() {
        await shop.close();
        await database.drop();
      },
    };
  });
}
