import { type LedgerTransport, type OutboxEventInput, serializeEnvelope } from '@byte8/core';
import { testDialects } from '@byte8/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gate } from '../testing/gate.test-helpers.js';
import { createDrainWorker } from './create-drain-worker.js';
import { type OutboundHarness, outboundHarness } from './outbound-harness.test-helpers.js';

const PROVIDER = 'sage_accounting';

/**
 * A full batch makes the worker claim the next one while it delivers: the
 * rows claimed ahead must follow the same rules as a fresh claim when the
 * next pass takes them, and must not stay leased when no pass does.
 */
describe.each(testDialects())('rows claimed ahead on $name', (dialect) => {
  let h: OutboundHarness;
  beforeEach(async () => {
    h = await outboundHarness(dialect);
  });
  afterEach(async () => {
    await h?.close();
  });

  const events = (tenantId: string, ids: number[]): OutboxEventInput[] =>
    ids.map((id) => ({
      provider: PROVIDER,
      tenantId,
      eventName: 'invoice.created',
      idempotencyKey: `invoice.created:${id}`,
      body: serializeEnvelope({ magento_entity_id: id, website_id: 1, store_id: 1, occurred_at: '2026-05-01T10:00:00Z', payload: { increment_id: `00000${id}`, paid: false } }),
      entityType: 'invoice',
      entityId: id,
      upsert: false,
    }));

  /** A worker of batch 2, one delivery at a time, whose delivery of `heldKey` waits for the returned gate. */
  function gatedWorker(heldKey: string, lease: { leaseMs: number; deliveryTimeoutMs: number } | Record<string, never> = {}) {
    const held = gate();
    const transport: LedgerTransport = {
      ...h.transport,
      async deliver(request) {
        if (request.idempotencyKey === heldKey) await held.opened;
        return h.transport.deliver(request);
      },
    };
    const worker = createDrainWorker(
      { outbox: h.storage.outbox, connections: h.storage.connections, transport, secretBox: h.secretBox, providers: [{ key: PROVIDER, webhookProviderParam: null }], clock: h.clock },
      { batchSize: 2, concurrency: 1, pollIntervalMs: 50, gcIntervalMs: 0, defaultBaseUrl: h.sim.url, ...lease },
    );
    return { worker, held };
  }

  const rows = async () => (await h.storage.outbox.list({ limit: 100 })).rows.sort((a, b) => a.id - b.id);

  /** Waits until rows 2-5 are leased: the batch in flight (2, 3) and the one claimed ahead (4, 5). */
  async function untilClaimedAhead(): Promise<void> {
    for (let i = 0; i < 500; i++) {
      if ((await rows()).filter((r) => r.leaseOwner !== null).length === 4) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the worker never claimed ahead');
  }

  const sentPaths = () => h.sim.exchanges.filter((e) => e.direction === 'to-ledger').map((e) => e.path);

  it('gives back rows claimed for a tenant that was replaced meanwhile, instead of sending them to the new one', async () => {
    const first = await h.connect();
    await h.storage.outbox.enqueue(events(first.tenantId, [1, 2, 3, 4, 5]));
    // Row 1 goes alone (a starting worker claims one row first), then 2 and 3, with 4 and 5 claimed ahead.
    const { worker, held } = gatedWorker('invoice.created:2');
    const draining = worker.drainUntilIdle();
    await untilClaimedAhead();
    const second = await h.connect(PROVIDER);
    held.open();

    expect(await draining).toBe(3);
    expect(sentPaths()).toEqual([1, 2, 3].map(() => `/webhooks/magento/${first.tenantId}/invoice.created`));
    expect(sentPaths().some((p) => p.includes(second.tenantId))).toBe(false);
    const [, , , r4, r5] = await rows();
    for (const row of [r4!, r5!]) {
      expect(row).toMatchObject({ status: 'pending', tenantId: first.tenantId, leaseOwner: null, attempts: 0, attemptsStarted: 0 });
    }
  });

  it('does not send rows claimed ahead whose lease ran out while the batch before them was held up (another worker has them)', async () => {
    const { tenantId } = await h.connect();
    await h.storage.outbox.enqueue(events(tenantId, [1, 2, 3, 4, 5]));
    // The shortest lease the worker accepts: 2 rounds x 1 s + 1 s. Key 2 is held for longer than that.
    const { worker, held } = gatedWorker('invoice.created:2', { leaseMs: 3_000, deliveryTimeoutMs: 1_000 });
    const draining = worker.drainUntilIdle();
    await untilClaimedAhead();
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    // Every lease has expired: a second worker takes the rows and delivers them.
    expect(await h.worker().drainUntilIdle()).toBe(4);
    held.open();
    await draining;

    const sends = (key: string) => h.sim.exchanges.filter((e) => e.direction === 'to-ledger' && e.headers['idempotency-key'] === key).length;
    // 2 and 3 were in flight when their lease ran out (at least once, deduped by key); 4 and 5 were only claimed.
    expect([sends('invoice.created:4'), sends('invoice.created:5')]).toEqual([1, 1]);
    expect((await rows()).map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
  });

  it('releases rows claimed ahead when the worker stops, without counting an attempt', async () => {
    const { tenantId } = await h.connect();
    await h.storage.outbox.enqueue(events(tenantId, [1, 2, 3, 4, 5]));
    const { worker, held } = gatedWorker('invoice.created:2');
    worker.start();
    await untilClaimedAhead();
    const stopped = worker.stop();
    held.open();
    await stopped;

    // Row 3 was never started (the worker was stopping); 4 and 5 were claimed ahead.
    const all = await rows();
    expect(all.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'pending', 'pending', 'pending']);
    for (const row of all.slice(2)) expect(row).toMatchObject({ leaseOwner: null, leaseExpiresAt: null, attemptsStarted: 0 });
    // Released rows are due again at once: another worker takes them.
    expect(await h.worker().drainUntilIdle()).toBe(3);
    expect(new Set(h.sim.exchanges.filter((e) => e.direction === 'to-ledger').map((e) => e.headers['idempotency-key'])).size).toBe(5);
  });

  it('does not claim ahead in a lone drainOnce(), so nothing stays leased after it returns', async () => {
    const { tenantId } = await h.connect();
    await h.storage.outbox.enqueue(events(tenantId, [1, 2, 3, 4, 5]));
    const { worker, held } = gatedWorker('none');
    held.open();
    expect(await worker.drainOnce()).toBe(1);
    expect(await worker.drainOnce()).toBe(2);
    const all = await rows();
    expect(all.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'pending', 'pending']);
    expect(all.filter((r) => r.leaseOwner !== null)).toEqual([]);
  });
});
