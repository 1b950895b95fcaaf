import { testDialects } from '@byte8/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OutboundHarness, outboundHarness } from '../worker/outbound-harness.test-helpers.js';
import { createPublisher } from './publisher.js';

const event = (entityId: number) => ({
  eventName: 'invoice.created' as const,
  entityId,
  websiteId: 1,
  storeId: 2,
  payload: { increment_id: `INV-${entityId}`, paid: false },
  idempotencyKey: `invoice.created:${entityId}`,
});

describe.each(testDialects(process.env, { mysql: true }))('publisher on $name', (dialect) => {
  let h: OutboundHarness;
  beforeAll(async () => {
    h = await outboundHarness(dialect);
  });
  beforeEach(async () => {
    await h.reset();
  });
  afterAll(async () => {
    await h?.close();
  });

  const outbox = async () => (await h.storage.outbox.list({ limit: 100 })).rows;

  it('stores the envelope bytes with occurred_at from the clock, in contract member order', async () => {
    await h.connect();
    h.clock.advance(-h.clock.now().getTime() + Date.parse('2026-04-30T10:11:12.789Z'));
    await h.publisher.enqueue('sage_accounting', [{ ...event(42), entityType: 'invoice', upsert: false }]);
    const [row] = await outbox();
    expect(row!.body).toBe(
      '{"magento_entity_id":42,"website_id":1,"store_id":2,"occurred_at":"2026-04-30T10:11:12Z","payload":{"increment_id":"INV-42","paid":false}}',
    );
  });

  it.skipIf(dialect.name === 'mysql')('reads the tenant inside the enqueue statement: no connection read before it', async () => {
    const { tenantId } = await h.connect();
    const unread = {
      ...h.storage.connections,
      get: () => Promise.reject(new Error('the publisher read the connection before enqueueing')),
    };
    const publisher = createPublisher({ outbox: h.storage.outbox, connections: unread, connectionsIn: () => unread });
    const [result] = await publisher.enqueue('sage_accounting', [{ ...event(42), entityType: 'invoice', upsert: false }]);
    expect(result?.outcome).toBe('inserted');
    expect((await outbox()).map((r) => r.tenantId)).toEqual([tenantId]);
  });

  it('enqueues nothing and says so in no error when the provider is not connected', async () => {
    expect(await h.publisher.enqueue('sage_accounting', [{ ...event(42), entityType: 'invoice', upsert: false }])).toEqual([]);
    expect(await outbox()).toEqual([]);
    expect(await h.storage.syncState.find('invoice', 42, 'sage_accounting')).toBeNull();
  });

  it('refuses an invalid event with a clear error and stores nothing', async () => {
    await h.connect();
    await expect(
      h.publisher.enqueue('sage_accounting', [{ ...event(0), entityType: 'invoice', upsert: false }]),
    ).rejects.toThrow(/magento_entity_id/);
    expect(await outbox()).toEqual([]);
  });

  it('publishNow returns the sync_run_id of a 2xx and enqueues nothing', async () => {
    await h.connect();
    const result = await h.publisher.publishNow('sage_accounting', event(1));
    expect(result).toEqual({ kind: 'accepted', syncRunId: h.sim.deliveries[0]!.syncRunId });
    expect(result.kind === 'accepted' && result.syncRunId).not.toBe('');
    expect(await outbox()).toEqual([]);
  });

  it('publishNow returns a deterministic 4xx as rejected and enqueues nothing', async () => {
    await h.connect();
    h.sim.faults.failNext(1, 422, { error: 'nope' });
    expect(await h.publisher.publishNow('sage_accounting', event(2))).toEqual({
      kind: 'rejected',
      statusCode: 422,
      body: '{"error":"nope"}',
    });
    expect(await outbox()).toEqual([]);
  });

  it('publishNow puts a transiently failed event in the outbox without a mirror write; the worker then delivers it', async () => {
    await h.connect();
    h.sim.faults.failNext(1, 503);
    const result = await h.publisher.publishNow('sage_accounting', event(3));
    expect(result).toMatchObject({ kind: 'queued', reason: expect.stringMatching(/HTTP 503/) });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 0, idempotencyKey: 'invoice.created:3', entityType: null });
    expect(await h.storage.syncState.find('invoice', 3, 'sage_accounting')).toBeNull();
    await h.worker().drainUntilIdle();
    expect((await outbox())[0]).toMatchObject({ status: 'succeeded' });
    expect(h.sim.deliveries.at(-1)!.envelope).toMatchObject({ magento_entity_id: 3 });
  });

  it('publishNow refuses when the provider is not connected', async () => {
    await expect(h.publisher.publishNow('sage_accounting', event(4))).rejects.toThrow(/not connected/);
    expect(h.sim.stats.deliveries).toBe(0);
  });

  it('publishNow refuses a provider in direct mode in words (it has no ledger to post to), storing nothing', async () => {
    const direct = createPublisher({
      outbox: h.storage.outbox,
      connections: h.storage.connections,
      transport: h.transport,
      secretBox: { seal: (v: string) => v, open: (v: string) => v } as never,
      directAccount: (provider) => (provider === 'sage_accounting' ? Promise.resolve('business-1') : undefined),
    });
    await expect(direct.publishNow('sage_accounting', event(5))).rejects.toThrow(
      'provider sage_accounting is in direct mode: this command publishes through the Byte8 ledger, which direct mode does not use; use Sync again in the admin to post the document directly',
    );
    expect(await outbox()).toEqual([]);
  });
});
