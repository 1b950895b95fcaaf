import { randomBytes } from 'node:crypto';
import { type CanonicalSource, type Invoice, silentLogger } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { LedgerSimulator, type TestDatabase, creditMemoFixture, contactFixture, invoiceFixture, paymentFixture, productFixture, testDialects } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Byte8 } from '../app/byte8-types.js';
import { createByte8 } from '../app/create-byte8.js';
import { startInboundServer } from '../inbound/inbound-test-kit.test-helpers.js';
import { createStorage } from '../storage/create-storage.js';

const P = 'sage_accounting';

/** "Sync again" and the per-event statuses, through createByte8 against the LedgerSimulator. */
describe.each(testDialects())('sync again, event statuses and figures over $name', (dialect) => {
  const invoices = new Map<number, Invoice>();
  const source: CanonicalSource = {
    invoice: async (id) => invoices.get(id) ?? null,
    creditMemo: async (id) => creditMemoFixture({ magento_id: id }),
    customer: async (id) => contactFixture({ magento_id: id }),
    product: async (id) => productFixture({ magento_id: id }),
    payment: async (id) => (invoices.has(id) ? paymentFixture({ magento_id: id, invoice_id: id }) : null),
    paymentMethods: async () => [],
    changedSince: async () => [],
  };
  let database: TestDatabase;
  let byte8: Byte8;
  let sim: LedgerSimulator;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    database = await dialect.createDatabase();
    const storage = await createStorage(database.dialect === 'pglite' ? { pglite: database.pglite } : { databaseUrl: database.url });
    sim = await LedgerSimulator.start({ policy: 'synced' });
    byte8 = await createByte8({
      storage,
      providers: [sageAccounting()],
      canonicalSource: source,
      encryption: { keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' },
      logger: silentLogger,
      ledger: { defaultBaseUrl: sim.url, totalTimeoutMs: 2_000, connectTimeoutMs: 1_000 },
      reconciliation: { intervalMs: 0 },
    });
    server = await startInboundServer(byte8.handleInbound);
    const { code } = await byte8.admin.generatePairingCode(P);
    expect((await sim.pair(server.url.replace(/\/rest$/, ''), code)).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    await byte8?.close();
    await sim?.stop();
    await database?.drop();
  });

  let nextId = 100;
  async function invoice(state: 'open' | 'paid' = 'open'): Promise<number> {
    const id = nextId++;
    const incrementId = `INV-${id}`;
    invoices.set(id, invoiceFixture({ magento_id: id, increment_id: incrementId, state }));
    await byte8.hooks.invoiceSaved({ before: null, after: { id, incrementId, state, websiteId: 1, storeId: 1 } });
    return id;
  }
  const status = (id: number) => byte8.admin.documentStatus('invoice', id, P);
  async function deliverAndAnswer(): Promise<void> {
    await byte8.worker.drainUntilIdle();
    await sim.idle();
  }

  it('shows a failure in words with the ledger’s message, then syncs it again under a new key', async () => {
    sim.setPolicy('invoice.created', { outcome: 'failed', errorCode: 'validation', message: 'Contact has no email address.' });
    const id = await invoice();
    await deliverAndAnswer();
    const failed = await status(id);
    expect(failed.status).toBe('failed');
    expect(failed.reason).toBe('Sync failed: Sage Accounting rejected the data as invalid (validation). The ledger says: “Contact has no email address.”');

    sim.setPolicy('invoice.created', 'synced');
    const result = await byte8.admin.resync('invoice', id, P);
    expect(result).toEqual({ outcome: 'queued', events: ['invoice.created'], message: 'Queued again for Sage Accounting: invoice.created.' });
    expect(await status(id)).toMatchObject({ status: 'pending', reason: null, record: { errorCode: null, message: null } });
    await deliverAndAnswer();
    expect((await status(id)).status).toBe('synced');
    // The ledger saw a key it had not accepted before, so it processed the event again.
    const keys = sim.deliveries.filter((d) => d.envelope?.magento_entity_id === id).map((d) => [d.idempotencyKey, d.duplicate]);
    expect(keys).toEqual([
      [`invoice.created:${id}`, false],
      [`invoice.created:${id}:v2`, false],
    ]);
    expect((await byte8.admin.eventStatuses('invoice', id, P)).map((e) => [e.eventName, e.idempotencyKey, e.status])).toEqual([
      ['invoice.created', `invoice.created:${id}:v2`, 'synced'],
    ]);
  });

  it('requeues a dead letter as it is (the ledger never accepted it) and re-sends the delivered payment', async () => {
    sim.faults.failNext(1, 422, { error: 'unprocessable' });
    const id = await invoice('paid');
    await deliverAndAnswer();
    const events = await byte8.admin.eventStatuses('invoice', id, P);
    expect(events.map((e) => [e.eventName, e.outboxStatus, e.status])).toEqual([
      ['invoice.created', 'dead_lettered', 'failed'],
      ['invoice.paid', 'succeeded', 'synced'],
    ]);
    expect(events[0]!.detail).toMatch(/^The ledger refused the delivery \(HTTP 422\)/);
    const deadId = (await byte8.storage.outbox.list({ provider: P, entityType: 'invoice', entityId: id })).rows.find((r) => r.status === 'dead_lettered')!.id;

    expect(await byte8.admin.resync('invoice', id, P)).toMatchObject({ outcome: 'queued', events: ['invoice.created', 'invoice.paid'] });
    expect((await byte8.storage.outbox.find(deadId))?.status).toBe('pending');
    await deliverAndAnswer();
    expect((await status(id)).status).toBe('synced');
    expect(sim.deliveries.filter((d) => d.envelope?.magento_entity_id === id && d.status === 202).map((d) => d.idempotencyKey).sort()).toEqual([
      `invoice.created:${id}`,
      `invoice.paid:${id}`,
      `invoice.paid:${id}:v2`,
    ]);
  });

  it('leaves a document that is still queued alone, and changes nothing for a document the store does not have', async () => {
    // The worker is not running: the new invoice stays queued until the test drains.
    const id = await invoice();
    expect(await byte8.admin.resync('invoice', id, P)).toMatchObject({ outcome: 'already_queued', events: ['invoice.created'] });
    expect((await byte8.storage.outbox.list({ provider: P, entityType: 'invoice', entityId: id })).total).toBe(1);
    await deliverAndAnswer();

    const before = (await byte8.storage.outbox.list({})).total;
    expect(await byte8.admin.resync('invoice', 99_999, P)).toMatchObject({ outcome: 'not_found', events: [] });
    expect((await byte8.storage.outbox.list({})).total).toBe(before);
    expect(await byte8.storage.syncState.find('invoice', 99_999, P)).toBeNull();
    await expect(byte8.admin.resync('invoice', 1, 'xero')).rejects.toThrow(/unknown provider "xero"/);
    await expect(byte8.admin.resync('invoice', 0, P)).rejects.toThrow(/entityId/);
  });

  it('enqueues fresh events for a document the connector never queued', async () => {
    const id = nextId++;
    invoices.set(id, invoiceFixture({ magento_id: id, increment_id: `INV-${id}`, state: 'paid' }));
    expect(await byte8.storage.syncState.find('invoice', id, P)).toBeNull();
    expect(await byte8.admin.resync('invoice', id, P)).toMatchObject({ outcome: 'queued', events: ['invoice.created', 'invoice.paid'] });
    expect((await status(id)).status).toBe('pending');
    await deliverAndAnswer();
    expect((await status(id)).status).toBe('synced');
  });

  it('adds up the day on the dashboard figures, with the worker’s own counters', async () => {
    const figures = await byte8.admin.dashboardFigures(P);
    const accepted = sim.deliveries.filter((d) => d.status === 202).length;
    expect(figures.deliveredToday).toBe(accepted);
    expect(figures).toMatchObject({ pending: 0, refused24h: 0, oldestPending: '—', lastDelivery: 'just now' });
    // The first test's failure was answered later by a success: the mirror no longer says failed.
    expect(figures.failedAtLedger24h).toBe(0);
    expect(figures.hours.at(-1)!.delivered).toBeGreaterThan(0);
    expect(figures.worker).toMatchObject({ succeeded: accepted, deadLettered: 1 });
    expect(figures.worker!.averageLatencyMs).toBeGreaterThanOrEqual(0);
  });

  it('queues one copy when two merchants press "Sync again" at once', async () => {
    sim.setPolicy('invoice.created', { outcome: 'failed', errorCode: 'provider' });
    const id = await invoice();
    await deliverAndAnswer();
    sim.setPolicy('invoice.created', 'synced');
    const both = await Promise.all([byte8.admin.resync('invoice', id, P), byte8.admin.resync('invoice', id, P)]);
    expect(both.map((r) => r.outcome)).toEqual(['queued', 'already_queued']);
    const pending = (await byte8.storage.outbox.list({ provider: P, entityType: 'invoice', entityId: id, status: 'pending' })).rows;
    expect(pending).toHaveLength(1);
    await deliverAndAnswer();
    expect((await status(id)).status).toBe('synced');
  });

  it('changes nothing for a provider that is not connected', async () => {
    sim.setPolicy('invoice.created', { outcome: 'failed', errorCode: 'provider' });
    const id = await invoice();
    await deliverAndAnswer();
    await byte8.admin.disconnect(P);
    const rows = (await byte8.storage.outbox.list({})).total;
    expect(await byte8.admin.resync('invoice', id, P)).toEqual({
      outcome: 'not_connected',
      events: [],
      message: 'Sage Accounting is not connected: pair it first. Nothing was queued.',
    });
    expect((await status(id)).status).toBe('failed');
    expect((await byte8.storage.outbox.list({})).total).toBe(rows);
  });
});
