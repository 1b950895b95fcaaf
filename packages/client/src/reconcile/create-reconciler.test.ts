import { type Provider, silentLogger } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { LedgerSimulator, type TestDatabase, testDialects } from '@byte8/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHostHooks } from '../hooks/create-host-hooks.js';
import { createPublisher } from '../publisher/publisher.js';
import { createSecretBox } from '../secret-box/create-secret-box.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { createStorage } from '../storage/create-storage.js';
import { createUndiciLedgerTransport } from '../transport/undici-ledger-transport.js';
import { LOOPBACK_LEDGER } from '../testing/loopback-ledger.test-helpers.js';
import { createDrainWorker } from '../worker/create-drain-worker.js';
import { createReconciler } from './create-reconciler.js';
import { MemoryHost } from './memory-host.test-helpers.js';
import { reconcileWatermarkName, type WatermarkAccess } from './watermark.js';

const SAGE = 'sage_accounting';
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe.each(testDialects())('reconciliation on $name', (dialect) => {
  let database: TestDatabase;
  let storage: Byte8Storage & { watermarks: WatermarkAccess };
  let sim: LedgerSimulator;
  const providers: Provider[] = [sageAccounting()];
  const secretBox = createSecretBox({ logger: silentLogger });
  // A transport per test: a keep-alive socket the simulator closed while a slow test set up must not turn into a retry.
  let transport: ReturnType<typeof createUndiciLedgerTransport>;

  beforeAll(async () => {
    sim = await LedgerSimulator.start();
  });
  afterAll(async () => {
    await sim.stop();
  });
  // A fresh database per test: watermarks, mirror and outbox start empty.
  beforeEach(async () => {
    database = await dialect.createDatabase();
    storage = (await createStorage(database.dialect === 'pg' ? { databaseUrl: database.url } : { pglite: database.pglite })) as typeof storage;
    transport = createUndiciLedgerTransport();
    sim.reset();
  });
  afterEach(async () => {
    await transport.close();
    await storage.close();
    await database.drop();
  });

  async function connect(): Promise<void> {
    const tenant = sim.registerTenant({ provider: SAGE });
    await storage.connections.setPairingCode(SAGE, 'hash', new Date());
    await storage.connections.completePairing(
      SAGE,
      'hash',
      { tenantId: tenant.tenantId, encryptedMasterKey: secretBox.seal(tenant.masterKey), ledgerBaseUrl: sim.url },
      new Date(),
    );
  }

  function parts(host: MemoryHost, tuning: { maxPerPass?: number; settleMs?: number } = {}) {
    const publisher = createPublisher({ outbox: storage.outbox, connections: storage.connections });
    const hooks = createHostHooks({ providers, publisher });
    const worker = createDrainWorker({ outbox: storage.outbox, connections: storage.connections, transport, secretBox, providers, ledgerUrlPolicy: LOOPBACK_LEDGER });
    const reconciler = createReconciler({
      ...storage,
      source: host,
      providers,
      enqueuer: publisher,
      settleMs: tuning.settleMs ?? 0,
      initialLookbackMs: 24 * 3_600_000,
      ...(tuning.maxPerPass ? { maxPerPass: tuning.maxPerPass } : {}),
      pageSize: 2,
    });
    return { hooks, worker, reconciler };
  }

  const deliveredKeys = () =>
    sim.deliveries
      .filter((d) => d.status === 202)
      .map((d) => d.idempotencyKey)
      .sort();

  it('delivers exactly once what the hooks missed, and a second pass enqueues nothing', async () => {
    await connect();
    const host = new MemoryHost();
    host.saveInvoice(1, 'open', minutesAgo(50));
    host.saveInvoice(2, 'paid', minutesAgo(40));
    host.saveInvoice(3, 'cancelled', minutesAgo(40));
    const seen = host.saveInvoice(4, 'open', minutesAgo(30));
    host.saveCreditMemo(10, minutesAgo(20));
    host.saveCustomer(20, minutesAgo(20));
    host.saveCustomer(21, minutesAgo(10));
    host.saveProduct(30, minutesAgo(5));
    const { hooks, worker, reconciler } = parts(host);
    // Only invoice 4 and customer 20 reached the hooks.
    await hooks.invoiceSaved({
      before: null,
      after: { id: 4, incrementId: seen.increment_id, state: 'open', websiteId: 1, storeId: 1 },
    });
    await hooks.customerSaved({ after: { id: 20, websiteId: 2 } });
    await worker.drainUntilIdle();
    expect(deliveredKeys()).toEqual(['customer.upserted:20', 'invoice.created:4']);

    const first = await reconciler.runOnce();
    expect(first.enqueued).toBe(6);
    await worker.drainUntilIdle();
    expect(deliveredKeys()).toEqual([
      'creditmemo.created:10',
      'customer.upserted:20',
      'customer.upserted:21',
      'invoice.created:1',
      'invoice.created:2',
      'invoice.created:4',
      'invoice.paid:2',
      'product.upserted:30',
    ]);
    expect(sim.stats.duplicateDeliveries).toBe(0);
    const paid = sim.deliveries.find((d) => d.idempotencyKey === 'invoice.created:2');
    expect(paid?.envelope?.payload).toEqual({ increment_id: '000000002', paid: true });
    const customer = sim.deliveries.find((d) => d.idempotencyKey === 'customer.upserted:21');
    expect(customer?.envelope).toMatchObject({ magento_entity_id: 21, website_id: 2, store_id: 0 });

    const second = await reconciler.runOnce();
    expect(second.enqueued).toBe(0);
    expect(second.passes.every((p) => p.scanned === 0)).toBe(true);

    // Even from a rewound watermark, what is known is not enqueued again.
    await storage.watermarks.set(reconcileWatermarkName(SAGE, 'invoice'), { at: minutesAgo(120), afterId: 0 });
    const rewound = await reconciler.runOnce();
    expect(rewound.passes.find((p) => p.entityType === 'invoice')?.scanned).toBe(4);
    expect(rewound.enqueued).toBe(0);
    await worker.drainUntilIdle();
    expect(sim.stats.deliveries).toBe(8);
  });

  it('trusts the mirror for first events whose outbox row is gone, but not for a later payment', async () => {
    await connect();
    const host = new MemoryHost();
    host.saveInvoice(5, 'open', minutesAgo(30));
    host.saveInvoice(6, 'paid', minutesAgo(20));
    // Both were created and synced long ago; their outbox rows were purged.
    for (const id of [5, 6]) {
      await storage.syncState.upsertTerminal({
        entityType: 'invoice',
        entityId: id,
        provider: SAGE,
        status: 'synced',
        providerEntityId: 'x',
        providerReference: null,
        skipReason: null,
        errorCode: null,
        lastSyncAt: minutesAgo(60 * 24 * 40),
      });
    }
    const { worker, reconciler } = parts(host);
    expect((await reconciler.runOnce()).enqueued).toBe(1);
    await worker.drainUntilIdle();
    const rows = (await storage.outbox.list({})).rows.map((r) => `${r.idempotencyKey} ${r.status} ${r.lastError}`);
    expect(deliveredKeys(), rows.join('; ')).toEqual(['invoice.paid:6']);
  });

  it('does bounded work per pass and leaves young changes for a later pass', async () => {
    await connect();
    const host = new MemoryHost();
    for (let id = 1; id <= 5; id++) host.saveProduct(id, minutesAgo(30 - id));
    host.saveProduct(6, new Date());
    const { reconciler } = parts(host, { maxPerPass: 3, settleMs: 60_000 });
    const first = await reconciler.runOnce();
    const products = () => first.passes.find((p) => p.entityType === 'product')!;
    expect(products()).toMatchObject({ scanned: 3, enqueued: 3, caughtUp: false });
    const second = (await reconciler.runOnce()).passes.find((p) => p.entityType === 'product')!;
    // Product 6 changed less than settleMs ago: not yet.
    expect(second).toMatchObject({ scanned: 2, enqueued: 2, caughtUp: true });
    expect((await storage.outbox.counts()).reduce((n, c) => n + c.count, 0)).toBe(5);
  });

  it('leaves a provider that is not paired alone, watermark included', async () => {
    const host = new MemoryHost();
    host.saveInvoice(1, 'open', minutesAgo(10));
    const { reconciler } = parts(host);
    const report = await reconciler.runOnce();
    expect(report.passes).toEqual([]);
    expect(await storage.watermarks.get(reconcileWatermarkName(SAGE, 'invoice'))).toBeNull();
    expect(await storage.outbox.counts()).toEqual([]);
  });
});
