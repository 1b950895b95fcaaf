import path from 'node:path';
import { medusaIntegrationTestRunner } from '@medusajs/test-utils';
import type { ConformanceHost } from '@byte8/testkit';
import { runHostConformance } from '@byte8/testkit/conformance';
import { adminHeaders } from '../helpers/admin-headers.js';
import { byte8Of } from '../helpers/byte8-of.js';
import { MedusaShop, eventually } from '../helpers/medusa-shop.js';

/**
 * The testkit's host conformance suite against the Medusa plugin, once for
 * each of the three providers the app installs (the others stay installed
 * and unpaired meanwhile). One app boot serves every check: the runner
 * restores Medusa's database (the connector's tables included) before each
 * test, so each check starts from an unpaired connector. Pairing codes, dead
 * letters, requeue and disconnect go through the plugin's admin API; invoices
 * are orders placed through Medusa's own workflows, enqueued by the
 * `order.placed` subscriber.
 */
medusaIntegrationTestRunner({
  cwd: path.join(__dirname, '../fixture'),
  testSuite: ({ api, getContainer }) => {
    const makeHost = async (PROVIDER: string): Promise<ConformanceHost> => {
      const container = getContainer();
      const { connector } = await byte8Of(container);
      const headers = await adminHeaders(container);
      const shop = new MedusaShop(container);
      let orders = 0;
      return {
        inboundBaseUrl: api.defaults.baseURL,
        provider: PROVIDER,
        generatePairingCode: async () => (await api.post('/admin/byte8/pairing-code', { provider: PROVIDER }, { headers })).data.code,
        async createInvoice() {
          const orderId = await shop.placeOrder({ email: `conformance${++orders}@byte8.test` });
          const id: number = await connector.storage.entityRefs.aliasOf('invoice', orderId);
          // The subscriber enqueues after the workflow returns (Medusa's bus is asynchronous).
          await eventually(() => connector.storage.outbox.knows(PROVIDER, 'invoice.created', id), `invoice.created of order ${orderId}`);
          return id;
        },
        drain: async () => {
          await connector.worker.drainUntilIdle();
        },
        syncStatus: async (entityType, id) => (await connector.admin.documentStatus(entityType, id, PROVIDER)).status,
        deadLetterCount: async () => (await api.get(`/admin/byte8/dead-letters?provider=${PROVIDER}`, { headers })).data.count,
        requeueAll: async () => (await api.post('/admin/byte8/dead-letters/requeue', { all: true, provider: PROVIDER }, { headers })).data.requeued,
        disconnect: async () => {
          await api.post('/admin/byte8/disconnect', { provider: PROVIDER }, { headers });
        },
        isConnected: async () =>
          (await api.get('/admin/byte8/status', { headers })).data.providers.find((p: { key: string }) => p.key === PROVIDER).connection.connected,
        pendingOutboxCount: async () => (await connector.storage.outbox.list({ status: 'pending' })).total,
        // The app outlives the check; the next test restores the database.
        close: async () => {},
      };
    };

    for (const provider of ['sage_accounting', 'xero', 'freeagent']) {
      runHostConformance(`Medusa plugin, ${provider} (of three installed)`, () => makeHost(provider), { timeoutMs: 120_000, settleTimeoutMs: 20_000 });
    }
  },
});
