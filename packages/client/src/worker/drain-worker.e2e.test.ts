import { type InvoiceSnapshot, serializeEnvelope } from '@byte8/core';
import { testDialects } from '@byte8/testkit';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gate } from '../testing/gate.test-helpers.js';
import { type OutboundHarness, outboundHarness } from './outbound-harness.test-helpers.js';

const invoice = (id: number, state: InvoiceSnapshot['state'] = 'open'): InvoiceSnapshot => ({
  id,
  incrementId: `00000${id}`,
  state,
  websiteId: 1,
  storeId: 1,
});

describe.each(testDialects(process.env, { mysql: true }))('drain worker end to end on $name', (dialect) => {
  let h: OutboundHarness;
  // A fresh database per test: a long-lived in-memory PGlite shared by the whole file slowed
  // to a stall after about ten tests (seen only with PGlite; pg was fine either way).
  beforeEach(async () => {
    h = await outboundHarness(dialect);
  });
  afterEach(async () => {
    await h?.close();
  });

  const rows = async () => (await h.storage.outbox.list({ limit: 500 })).rows.sort((a, b) => a.id - b.id);
  const only = async () => {
    const all = await rows();
    expect(all).toHaveLength(1);
    return all[0]!;
  };

  it('delivers the stored body byte for byte with exactly the contract headers', async () => {
    const { tenantId } = await h.connect();
    const now = h.clock.now();
    await h.hooks.invoiceSaved({ before: null, after: { ...invoice(42), incrementId: 'café/42' } });
    const stored = await only();
    expect(stored.body).toBe(
      serializeEnvelope({
        magento_entity_id: 42,
        website_id: 1,
        store_id: 1,
        occurred_at: `${now.toISOString().slice(0, 19)}Z`,
        payload: { increment_id: 'café/42', paid: false },
      }),
    );
    expect(stored.body).toContain('caf\\u00e9/42');

    expect(await h.worker().drainUntilIdle()).toBe(1);

    const [exchange] = h.sim.exchanges.filter((e) => e.direction === 'to-ledger');
    expect(exchange!.method).toBe('POST');
    expect(exchange!.path).toBe(`/webhooks/magento/${tenantId}/invoice.created`);
    expect(exchange!.body).toBe(stored.body);
    expect(exchange!.headers['content-type']).toBe('application/json');
    expect(exchange!.headers['idempotency-key']).toBe('invoice.created:42');
    expect(exchange!.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(h.sim.deliveries[0]).toMatchObject({ status: 202, duplicate: false, error: null });
    expect(await only()).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 202, leaseOwner: null });
  });

  it('never lets invoice.paid overtake invoice.created when created fails first', async () => {
    await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(7, 'paid') });
    h.sim.faults.failNext(1, 503);
    const worker = h.worker();
    await worker.drainUntilIdle();
    expect(h.sim.deliveries.map((d) => [d.event, d.status])).toEqual([['invoice.created', 503]]);
    const [created, paid] = await rows();
    expect(created).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    expect(paid).toMatchObject({ status: 'pending', attempts: 0 });

    h.clock.advance(2 * 60_000);
    await worker.drainUntilIdle();
    expect(h.sim.deliveries.map((d) => [d.event, d.status])).toEqual([
      ['invoice.created', 503],
      ['invoice.created', 202],
      ['invoice.paid', 202],
    ]);
  });

  it('dead-letters a deterministic 4xx on the first try with the response body', async () => {
    await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(1) });
    h.sim.faults.failNext(1, 422, { error: 'bad envelope' });
    await h.worker().drainUntilIdle();
    expect(await only()).toMatchObject({
      status: 'dead_lettered',
      attempts: 1,
      lastStatusCode: 422,
      lastError: 'HTTP 422: {"error":"bad envelope"}',
    });
    expect(h.sim.stats.deliveries).toBe(1);
  });

  it('treats 408, 425, 429, 5xx, 3xx and dropped connections as transient', async () => {
    await h.connect();
    const worker = h.worker();
    const cases: Array<[string, () => void, number | null]> = [
      ['408', () => h.sim.faults.failNext(1, 408), 408],
      ['425', () => h.sim.faults.failNext(1, 425), 425],
      ['429', () => h.sim.faults.failNext(1, 429), 429],
      ['500', () => h.sim.faults.failNext(1, 500), 500],
      ['302', () => h.sim.faults.failNext(1, 302), 302],
      ['drop', () => h.sim.faults.dropNext(1), null],
    ];
    for (const [index, [, inject, code]] of cases.entries()) {
      await h.hooks.invoiceSaved({ before: null, after: invoice(100 + index) });
      inject();
      const before = h.clock.now().getTime();
      await worker.drainUntilIdle();
      const row = (await rows()).at(-1)!;
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: code });
      // First ladder step, 60 s +/- 10 %.
      const delay = row.nextAttemptAt!.getTime() - before;
      expect(delay).toBeGreaterThanOrEqual(54_000 - 1_000);
      expect(delay).toBeLessThanOrEqual(66_000 + 1_000);
    }
    h.clock.advance(70_000);
    expect(await worker.drainUntilIdle()).toBe(cases.length);
    expect((await rows()).every((r) => r.status === 'succeeded' && r.attempts === 2)).toBe(true);
  });

  it('honours Retry-After when it asks for longer than the ladder', async () => {
    await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(5) });
    h.sim.faults.throttleNext(1, { status: 429, retryAfter: 900 });
    const worker = h.worker();
    const before = h.clock.now().getTime();
    await worker.drainUntilIdle();
    const row = await only();
    expect(row.nextAttemptAt!.getTime() - before).toBeGreaterThanOrEqual(900_000);
    expect(row.nextAttemptAt!.getTime() - before).toBeLessThan(905_000);
    h.clock.advance(600_000);
    expect(await worker.drainUntilIdle()).toBe(0);
    h.clock.advance(310_000);
    expect(await worker.drainUntilIdle()).toBe(1);
    expect(await only()).toMatchObject({ status: 'succeeded' });
  });

  it('dead-letters with transient_exhausted after maxAttempts transient failures', async () => {
    await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(9) });
    h.sim.faults.failNext(3, 503);
    const worker = h.worker({ maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await worker.drainUntilIdle();
      h.clock.advance(2 * 86_400_000);
    }
    const row = await only();
    expect(row).toMatchObject({ status: 'dead_lettered', attempts: 3, lastStatusCode: null });
    expect(row.lastError).toMatch(/^transient_exhausted: Byte8 returned HTTP 503/);
    expect(h.sim.stats.deliveries).toBe(3);
  });

  it('takes over a row whose lease expired after a crash, and only then', async () => {
    const { tenantId } = await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(11) });
    const crashed = await h.storage.outbox.claim({
      owner: 'crashed-worker',
      limit: 10,
      leaseMs: 60_000,
      tenants: [{ provider: 'sage_accounting', tenantId }],
    });
    expect(crashed).toHaveLength(1);
    const worker = h.worker();
    expect(await worker.drainOnce()).toBe(0);
    expect(h.sim.stats.deliveries).toBe(0);
    h.clock.advance(61_000);
    expect(await worker.drainOnce()).toBe(1);
    expect(await only()).toMatchObject({ status: 'succeeded', attempts: 1, attemptsStarted: 1 });
    // The crashed worker's late result cannot overwrite the new holder's.
    await h.storage.outbox.complete('crashed-worker', [
      { kind: 'dead_lettered', id: crashed[0]!.id, statusCode: 400, error: 'late', at: h.clock.now() },
    ]);
    expect(await only()).toMatchObject({ status: 'succeeded' });
  });

  it('forgets a crash once an attempt of the row finished: later claims take it in a full batch', async () => {
    const { tenantId } = await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(13) });
    await h.storage.outbox.claim({ owner: 'killed-worker', limit: 10, leaseMs: 1_000, tenants: [{ provider: 'sage_accounting', tenantId }] });
    h.clock.advance(2_000);
    const worker = h.worker();
    // Retried alone after the crash; the ledger is busy, so it goes back to retry.
    h.sim.faults.failNext(1, 503);
    expect(await worker.drainOnce()).toBe(1);
    expect(await only()).toMatchObject({ status: 'pending', attempts: 1, attemptsStarted: 1 });
    // Other work meanwhile takes the worker out of its one-row-at-a-time mode.
    for (let id = 100; id < 110; id++) await h.hooks.invoiceSaved({ before: null, after: invoice(id) });
    expect(await worker.drainUntilIdle()).toBe(10);
    for (let id = 200; id < 210; id++) await h.hooks.invoiceSaved({ before: null, after: invoice(id) });
    h.clock.advance(10 * 60_000);
    // One crash long ago does not make the row a suspect for life: it goes in one pass with the other ten.
    expect(await worker.drainOnce()).toBe(11);
    expect((await rows()).every((r) => r.status === 'succeeded' && r.attemptsStarted === r.attempts)).toBe(true);
  });

  it('dead-letters a poison row that keeps getting claimed without finishing', async () => {
    const { tenantId } = await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(12) });
    for (let i = 0; i < 3; i++) {
      await h.storage.outbox.claim({ owner: `crash-${i}`, limit: 1, leaseMs: 1_000, tenants: [{ provider: 'sage_accounting', tenantId }] });
      h.clock.advance(2_000);
    }
    await h.worker({ poisonThreshold: 3 }).drainUntilIdle();
    const row = await only();
    expect(row).toMatchObject({ status: 'dead_lettered', attempts: 1 });
    expect(row.lastError).toMatch(/^poison: claimed 4 times but only 0 attempts finished/);
    expect(h.sim.stats.deliveries).toBe(0);
  });

  it('leaves rows pending and untouched while disconnected, then sends them after re-pairing', async () => {
    await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(20) });
    await h.storage.connections.clearCredentials('sage_accounting');
    const worker = h.worker();
    expect(await worker.drainUntilIdle()).toBe(0);
    expect(await only()).toMatchObject({ status: 'pending', attempts: 0, attemptsStarted: 0, leaseOwner: null });
    // Saves while disconnected are skipped, as the Magento observers do.
    expect(await h.hooks.invoiceSaved({ before: null, after: invoice(21) })).toEqual([]);
    expect(await rows()).toHaveLength(1);
    expect(h.sim.stats.deliveries).toBe(0);
  });

  it('holds rows enqueued for another tenant', async () => {
    await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(30) });
    const { tenantId: second } = await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(31) });
    const worker = h.worker();
    expect(await worker.drainUntilIdle()).toBe(1);
    expect(h.sim.deliveries.map((d) => [d.tenantId, d.idempotencyKey])).toEqual([[second, 'invoice.created:31']]);
    const [held] = await rows();
    expect(held).toMatchObject({ idempotencyKey: 'invoice.created:30', status: 'pending', attempts: 0, attemptsStarted: 0 });
  });

  // MySQL has no NOTIFY: its worker finds new rows by polling ('is correct with polling alone' below).
  it.runIf(dialect.name !== 'mysql')('wakes on NOTIFY without waiting for the poll interval', async () => {
    await h.connect();
    const worker = h.worker({ pollIntervalMs: 60_000 });
    worker.start();
    await new Promise((r) => setTimeout(r, 200));
    await h.hooks.invoiceSaved({ before: null, after: invoice(40) });
    await h.sim.waitForDeliveries(1, { timeoutMs: 5_000 });
    await worker.stop();
    expect(await only()).toMatchObject({ status: 'succeeded' });
  });

  if (dialect.name === 'pg') {
    it('delivers an enqueue whose NOTIFY was coalesced into another, without waiting for the poll interval', async () => {
      await h.connect();
      const worker = h.worker({ pollIntervalMs: 60_000 });
      worker.start();
      await new Promise((r) => setTimeout(r, 200));
      const firstEnqueued = gate();
      const firstMayCommit = gate();
      const secondEnqueued = gate();
      const secondMayCommit = gate();
      // A enqueues first and so sends the NOTIFY; B enqueues beside it and sends none.
      const a = h.storage.db.transaction().execute(async (trx) => {
        await h.hooks.invoiceSaved({ before: null, after: invoice(43) }, { transaction: trx });
        firstEnqueued.open();
        await firstMayCommit.opened;
      });
      await firstEnqueued.opened;
      const b = h.storage.db.transaction().execute(async (trx) => {
        await h.hooks.invoiceSaved({ before: null, after: invoice(44) }, { transaction: trx });
        secondEnqueued.open();
        await secondMayCommit.opened;
      });
      await secondEnqueued.opened;
      firstMayCommit.open();
      await a;
      await h.sim.waitForDeliveries(1, { timeoutMs: 5_000 });
      // B commits after the wake-up pass took A: only the worker's follow-up polling can find it.
      secondMayCommit.open();
      await b;
      await h.sim.waitForDeliveries(2, { timeoutMs: 5_000 });
      await worker.stop();
      expect((await rows()).map((r) => [r.entityId, r.status])).toEqual([
        [43, 'succeeded'],
        [44, 'succeeded'],
      ]);
    });
  }

  it('is correct with polling alone', async () => {
    await h.connect();
    const polling = h.worker({ pollIntervalMs: 50 }, h.storage, { listen: false });
    polling.start();
    await h.hooks.invoiceSaved({ before: null, after: invoice(41) });
    await h.sim.waitForDeliveries(1, { timeoutMs: 5_000 });
    await polling.stop();
    expect(await only()).toMatchObject({ status: 'succeeded' });
  });

  it('stops gracefully: in-flight deliveries finish, unstarted rows are released', async () => {
    await h.connect();
    for (let id = 50; id < 60; id++) await h.hooks.invoiceSaved({ before: null, after: invoice(id) });
    h.sim.faults.addLatency(300);
    const worker = h.worker({ concurrency: 2, batchSize: 10 });
    worker.start();
    await h.sim.waitFor(() => h.sim.exchanges.length > 0 || h.sim.stats.deliveries > 0, { timeoutMs: 5_000 }).catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    await worker.stop();
    const after = await rows();
    expect(after.every((r) => r.leaseOwner === null)).toBe(true);
    const done = after.filter((r) => r.status === 'succeeded');
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(10);
    expect(after.filter((r) => r.status === 'pending').every((r) => r.attempts === 0 && r.attemptsStarted === 0)).toBe(true);
  });

  it('purges succeeded rows older than the retention and expired jtis, and nothing else', async () => {
    await h.connect();
    const jtis = async () => (await sql<{ n: string }>`SELECT count(*) AS n FROM byte8_jti`.execute(h.storage.db)).rows[0]!.n;
    await h.storage.replayGuard.remember('expires-soon', new Date(h.clock.now().getTime() + 60_000));
    await h.storage.replayGuard.remember('still-live', new Date(h.clock.now().getTime() + 40 * 86_400_000));
    await h.hooks.invoiceSaved({ before: null, after: invoice(70) });
    const worker = h.worker({ gcRetentionDays: 30, gcBatchSize: 1 });
    await worker.drainUntilIdle();
    await h.storage.connections.clearCredentials('sage_accounting');
    await h.connect();
    await h.hooks.invoiceSaved({ before: null, after: invoice(71) });
    await h.storage.connections.clearCredentials('sage_accounting');
    h.clock.advance(29 * 86_400_000);
    expect(await worker.gc()).toBe(0);
    h.clock.advance(2 * 86_400_000);
    expect(await worker.gc()).toBe(1);
    expect((await rows()).map((r) => [r.idempotencyKey, r.status])).toEqual([['invoice.created:71', 'pending']]);
    expect(Number(await jtis())).toBe(1);
    expect(await h.storage.replayGuard.remember('still-live', new Date(h.clock.now().getTime() + 60_000))).toBe(false);
  });

  it.runIf(dialect.name !== 'pglite')('lets two workers drain one backlog with zero duplicate deliveries', async () => {
    await h.connect();
    const events = Array.from({ length: 400 }, (_, i) => i + 1000);
    for (let i = 0; i < events.length; i += 100) {
      await Promise.all(events.slice(i, i + 100).map((id) => h.hooks.invoiceSaved({ before: null, after: invoice(id) })));
    }
    const other = await h.secondStorage();
    const a = h.worker({ batchSize: 25, concurrency: 8 });
    const b = h.worker({ batchSize: 25, concurrency: 8 }, other);
    const [na, nb] = await Promise.all([a.drainUntilIdle(), b.drainUntilIdle()]);
    expect(na + nb).toBe(400);
    expect(na).toBeGreaterThan(0);
    expect(nb).toBeGreaterThan(0);
    expect(h.sim.stats).toMatchObject({ deliveries: 400, uniqueKeys: 400, duplicateDeliveries: 0 });
    expect((await rows()).every((r) => r.status === 'succeeded' && r.attemptsStarted === 1)).toBe(true);
  });
});
