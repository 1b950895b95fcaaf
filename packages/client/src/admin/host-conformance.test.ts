import { randomBytes } from 'node:crypto';
import { type CanonicalSource, type Invoice, silentLogger, systemClock } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { type ConformanceHost, createMemoryPglite } from '@byte8/testkit';
import { runHostConformance } from '@byte8/testkit/conformance';
import { afterAll } from 'vitest';
import { createHostHooks } from '../hooks/create-host-hooks.js';
import { createInboundHandler } from '../inbound/create-inbound-handler.js';
import { startInboundServer } from '../inbound/inbound-test-kit.test-helpers.js';
import { createPublisher } from '../publisher/publisher.js';
import { AesGcmSecretBox } from '../secret-box/aes-gcm-secret-box.js';
import { createStorage } from '../storage/create-storage.js';
import { createUndiciLedgerTransport } from '../transport/undici-ledger-transport.js';
import { createDrainWorker } from '../worker/create-drain-worker.js';
import { systemRandom } from '../crypto/system-random.js';
import { AdminService } from './admin-service.js';
import { canonicalFixtures } from './canonical-fixtures.test-helpers.js';
import { LOOPBACK_LEDGER } from '../testing/loopback-ledger.test-helpers.js';

/**
 * The smallest host made of core + client only: embedded storage, the
 * outbound path, the inbound handler on a node:http server, and the admin
 * service, composed by hand the way `createByte8()` will.
 */
// One embedded database, a fresh schema per host: starting PGlite is the slow part.
const pglite = createMemoryPglite();
let hosts = 0;
afterAll(async () => {
  await (await pglite).close();
});

async function minimalHost(): Promise<ConformanceHost> {
  const providers = [sageAccounting()];
  const provider = 'sage_accounting';
  const clock = systemClock;
  const logger = silentLogger;
  const storage = await createStorage({ pglite: await pglite, schema: `host_${++hosts}` });
  const secretBox = new AesGcmSecretBox({ keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' });
  const transport = createUndiciLedgerTransport({ healthCacheMs: 0, totalTimeoutMs: 2_000, connectTimeoutMs: 1_000 });
  const publisher = createPublisher({ outbox: storage.outbox, connections: storage.connections, transport, secretBox, clock, ledgerUrlPolicy: LOOPBACK_LEDGER });
  const hooks = createHostHooks({ providers, publisher });
  const worker = createDrainWorker(
    { outbox: storage.outbox, connections: storage.connections, transport, secretBox, providers, clock, ledgerUrlPolicy: LOOPBACK_LEDGER },
    { pollIntervalMs: 50, gcIntervalMs: 0 },
  );
  const invoices = new Map<number, Invoice>();
  const source: CanonicalSource = { ...canonicalFixtures, invoice: async (id) => invoices.get(id) ?? null };
  const server = await startInboundServer(
    createInboundHandler(
      { providers, connections: storage.connections, replayGuard: storage.replayGuard, syncState: storage.syncState, canonicalSource: source, secretBox, clock, logger },
      { ledgerUrlPolicy: LOOPBACK_LEDGER },
    ),
  );
  const admin = new AdminService({
    providers, connections: storage.connections, outbox: storage.outbox, syncState: storage.syncState, transport, secretBox, random: systemRandom, clock, logger,
    ledgerUrlPolicy: LOOPBACK_LEDGER,
  });
  const template = (await canonicalFixtures.invoice(42))!;
  let nextId = 100;

  return {
    inboundBaseUrl: server.url.replace(/\/rest$/, ''),
    provider,
    generatePairingCode: async () => (await admin.generatePairingCode(provider)).code,
    async createInvoice() {
      const id = nextId++;
      const incrementId = String(id).padStart(9, '0');
      invoices.set(id, { ...template, magento_id: id, increment_id: incrementId });
      await hooks.invoiceSaved({ before: null, after: { id, incrementId, state: 'open', websiteId: 1, storeId: 1 } });
      return id;
    },
    drain: async () => {
      await worker.drainUntilIdle();
    },
    syncStatus: async (entityType, id) => (await admin.documentStatus(entityType, id, provider)).status,
    deadLetterCount: async () => (await admin.deadLetters()).count,
    requeueAll: () => admin.requeue({ all: true }),
    disconnect: async () => {
      await admin.disconnect(provider);
    },
    isConnected: async () => (await admin.connectionStatus(provider)).connected,
    pendingOutboxCount: async () => (await storage.outbox.list({ status: 'pending' })).total,
    async close() {
      await worker.stop();
      await server.close();
      await transport.close();
      await storage.close();
    },
  };
}

runHostConformance('core + client', minimalHost);
