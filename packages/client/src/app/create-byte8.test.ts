import { randomBytes } from 'node:crypto';
import { type CanonicalSource, type Invoice, silentLogger } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import {
  type ConformanceHost,
  type TestDatabase,
  contactFixture,
  creditMemoFixture,
  invoiceFixture,
  paymentFixture,
  paymentMethodFixture,
  productFixture,
  testDialects,
} from '@byte8/testkit';
import { runHostConformance } from '@byte8/testkit/conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInboundServer } from '../inbound/inbound-test-kit.test-helpers.js';
import { createStorage } from '../storage/create-storage.js';
import { createByte8 } from './create-byte8.js';

const encryption = { keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' };

/** A host built from core + client alone, composed by `createByte8()`. */
function minimalHostOn(database: () => TestDatabase): () => Promise<ConformanceHost> {
  let hosts = 0;
  return async () => {
    const db = database();
    const schema = `host_${++hosts}_${randomBytes(3).toString('hex')}`;
    const storage = await createStorage({
      ...(db.dialect === 'pglite' ? { pglite: db.pglite } : { databaseUrl: db.url }),
      schema,
      migrate: true,
    });
    const invoices = new Map<number, Invoice>();
    const canonicalSource: CanonicalSource = {
      invoice: async (id) => invoices.get(id) ?? null,
      creditMemo: async (id) => creditMemoFixture({ magento_id: id }),
      customer: async (id) => contactFixture({ magento_id: id }),
      product: async (id) => productFixture({ magento_id: id }),
      payment: async (id) => (invoices.has(id) ? paymentFixture({ magento_id: id, invoice_id: id }) : null),
      paymentMethods: async () => [paymentMethodFixture()],
      changedSince: async () => [],
    };
    const byte8 = await createByte8({
      storage,
      providers: [sageAccounting()],
      canonicalSource,
      encryption,
      logger: silentLogger,
      worker: { pollIntervalMs: 50, gcIntervalMs: 0 },
      // The conformance suite's simulator listens on 127.0.0.1: allowed explicitly.
      ledger: { totalTimeoutMs: 2_000, connectTimeoutMs: 1_000, allowedHosts: ['127.0.0.1'] },
    });
    const server = await startInboundServer(byte8.handleInbound);
    const provider = 'sage_accounting';
    let nextId = 100;
    return {
      inboundBaseUrl: server.url.replace(/\/rest$/, ''),
      provider,
      generatePairingCode: async () => (await byte8.admin.generatePairingCode(provider)).code,
      async createInvoice() {
        const id = nextId++;
        const incrementId = String(id).padStart(9, '0');
        invoices.set(id, invoiceFixture({ magento_id: id, increment_id: incrementId }));
        await byte8.hooks.invoiceSaved({ before: null, after: { id, incrementId, state: 'open', websiteId: 1, storeId: 1 } });
        return id;
      },
      drain: async () => {
        await byte8.worker.drainUntilIdle();
      },
      syncStatus: async (entityType, id) => (await byte8.admin.documentStatus(entityType, id, provider)).status,
      deadLetterCount: async () => (await byte8.admin.deadLetters()).count,
      requeueAll: () => byte8.admin.requeue({ all: true }),
      disconnect: async () => {
        await byte8.admin.disconnect(provider);
      },
      isConnected: async () => (await byte8.admin.connectionStatus(provider)).connected,
      pendingOutboxCount: async () => (await storage.outbox.list({ status: 'pending' })).total,
      async close() {
        await server.close();
        await byte8.close();
      },
    };
  };
}

describe.each(testDialects())('createByte8 on $name', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await dialect.createDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  runHostConformance(`core + client (${dialect.name})`, minimalHostOn(() => database));

  it('fails at boot in production without an encryption key, naming the setting', async () => {
    const storage = await createStorage({
      ...(database.dialect === 'pglite' ? { pglite: database.pglite } : { databaseUrl: database.url }),
      schema: `boot_${randomBytes(3).toString('hex')}`,
    });
    await expect(
      createByte8({ storage, providers: [sageAccounting()], canonicalSource: {} as CanonicalSource, production: true, logger: silentLogger }),
    ).rejects.toThrow(/encryption/);
    await expect(
      createByte8({ storage, providers: [sageAccounting()], canonicalSource: {} as CanonicalSource, encryption, logger: silentLogger, worker: { batchSize: 0 } }),
    ).rejects.toThrow(/batchSize/);
    // The lease must outlast a pass at the ledger timeout the host configured: 7 x 20 s + 1 s > 120 s.
    await expect(
      createByte8({ storage, providers: [sageAccounting()], canonicalSource: {} as CanonicalSource, encryption, logger: silentLogger,
        ledger: { totalTimeoutMs: 20_000 }, worker: { leaseMs: 120_000 } }),
    ).rejects.toThrow(/leaseMs \(120000 ms\) must outlast the longest pass: .* = 141000 ms/);
    await expect(
      createByte8({ storage, providers: [sageAccounting()], canonicalSource: {} as CanonicalSource, encryption, logger: silentLogger, inbound: { maxBodyBytes: -1 } }),
    ).rejects.toThrow(/inbound.maxBodyBytes must be a positive integer/);
    await expect(
      createByte8({ storage, providers: [sageAccounting()], canonicalSource: {} as CanonicalSource, encryption, logger: silentLogger, inbound: { trustProxy: 'yes' as never } }),
    ).rejects.toThrow(/inbound.trustProxy must be a boolean/);
    await expect(createByte8({ storage, providers: [], canonicalSource: {} as CanonicalSource })).rejects.toThrow(/providers/);
    await storage.close();
  });
});
