import { describe, expect, it } from 'vitest';
import { TENANT_A, dialects, event, useStorage } from './contract-setup.test-helpers.js';

const DAY = 86_400_000;
const LEASE = { owner: 'w', limit: 100, leaseMs: 30_000, tenants: TENANT_A };

describe.each(dialects)('outbox requeue, purge and inspection on $name', (dialect) => {
  const h = useStorage(dialect);

  const settle = async (entityIds: number[], kind: 'succeeded' | 'dead_lettered', provider = 'sage_accounting') => {
    const results = await h.storage.outbox.enqueue(entityIds.map((entityId) => event({ entityId, provider })));
    const tenants = [{ provider, tenantId: 'tenant-a' }];
    await h.storage.outbox.claim({ ...LEASE, tenants });
    await h.storage.outbox.complete(
      'w',
      results.map((r) =>
        kind === 'succeeded'
          ? { kind, id: r.id!, statusCode: 202, at: h.clock.now() }
          : { kind, id: r.id!, statusCode: 400, error: 'HTTP 400: rejected', at: h.clock.now() },
      ),
    );
    return results.map((r) => r.id!);
  };

  it('requeues one dead letter: pending, attempts 0, due now, last_* kept', async () => {
    const [id, other] = await settle([1, 2], 'dead_lettered');
    const before = await h.storage.outbox.find(id!);
    expect(await h.storage.outbox.requeue({ id: id! })).toBe(1);
    expect(await h.storage.outbox.find(id!)).toMatchObject({
      status: 'pending',
      attempts: 0,
      attemptsStarted: 0,
      nextAttemptAt: null,
      lastStatusCode: 400,
      lastError: 'HTTP 400: rejected',
      lastAttemptAt: before!.lastAttemptAt,
    });
    expect((await h.storage.outbox.find(other!))?.status).toBe('dead_lettered');
    expect((await h.storage.outbox.claim(LEASE)).map((r) => r.id)).toEqual([id]);
  });

  it('requeue touches only dead letters, optionally of one provider', async () => {
    const [succeeded] = await settle([1], 'succeeded');
    await settle([2, 3], 'dead_lettered');
    await settle([4], 'dead_lettered', 'xero');
    expect(await h.storage.outbox.requeue({ id: succeeded! })).toBe(0);
    expect(await h.storage.outbox.requeue({ id: 999 })).toBe(0);
    expect(await h.storage.outbox.requeue({ all: true }, 'sage_accounting')).toBe(2);
    expect((await h.storage.outbox.list({ status: 'dead_lettered' })).rows.map((r) => r.provider)).toEqual(['xero']);
    expect(await h.storage.outbox.requeue({ all: true })).toBe(1);
    await expect(h.storage.outbox.requeue({ id: -1 })).rejects.toThrow(/positive integers/);
  });

  it('purges succeeded rows by COALESCE(last_attempt_at, created_at) age, in bounded batches', async () => {
    await settle([1, 2, 3, 4, 5], 'succeeded');
    const deadLetters = await settle([6], 'dead_lettered');
    h.clock.advance(10 * DAY);
    await settle([7], 'succeeded');
    await h.storage.outbox.enqueue([event({ entityId: 8 })]);
    const cutoff = new Date(h.clock.now().getTime() - 5 * DAY);
    expect(await h.storage.outbox.purgeSucceeded({ olderThan: cutoff, dryRun: true })).toBe(5);
    expect((await h.storage.outbox.list({})).total).toBe(8);
    expect(await h.storage.outbox.purgeSucceeded({ olderThan: cutoff, batchSize: 2 })).toBe(5);
    const left = await h.storage.outbox.list({});
    expect(left.rows.map((r) => r.entityId).sort()).toEqual([6, 7, 8]);
    expect((await h.storage.outbox.find(deadLetters[0]!))?.status).toBe('dead_lettered');
    await expect(h.storage.outbox.purgeSucceeded({ olderThan: cutoff, batchSize: 0 })).rejects.toThrow(/batchSize/);
  });

  it('lists with filter and paging, newest attempt first, and counts by provider and status', async () => {
    await settle([1], 'dead_lettered');
    h.clock.advance(1_000);
    await settle([2], 'dead_lettered');
    await settle([3], 'succeeded', 'xero');
    await h.storage.outbox.enqueue([event({ entityId: 4 })]);
    const dead = await h.storage.outbox.list({ status: 'dead_lettered', limit: 1 });
    expect(dead.total).toBe(2);
    expect(dead.rows.map((r) => r.entityId)).toEqual([2]);
    expect((await h.storage.outbox.list({ status: 'dead_lettered', limit: 1, offset: 1 })).rows.map((r) => r.entityId)).toEqual([1]);
    expect((await h.storage.outbox.list({ provider: 'xero' })).rows.map((r) => r.entityId)).toEqual([3]);
    expect(await h.storage.outbox.counts()).toEqual([
      { provider: 'sage_accounting', status: 'dead_lettered', count: 2 },
      { provider: 'sage_accounting', status: 'pending', count: 1 },
      { provider: 'xero', status: 'succeeded', count: 1 },
    ]);
    await expect(h.storage.outbox.list({ status: 'stuck' as never })).rejects.toThrow(/`status`/);
  });

  it('reports the age of the oldest pending row per provider', async () => {
    expect(await h.storage.outbox.oldestPendingAgeMs()).toBeNull();
    await h.storage.outbox.enqueue([event({ entityId: 1 })]);
    h.clock.advance(4_000);
    await h.storage.outbox.enqueue([event({ entityId: 2, provider: 'xero' })]);
    h.clock.advance(1_000);
    expect(await h.storage.outbox.oldestPendingAgeMs()).toBe(5_000);
    expect(await h.storage.outbox.oldestPendingAgeMs('xero')).toBe(1_000);
    expect(await h.storage.outbox.oldestPendingAgeMs('other')).toBeNull();
  });

  it('knows whether any row exists for a provider, event and entity', async () => {
    await settle([1], 'succeeded');
    expect(await h.storage.outbox.knows('sage_accounting', 'invoice.created', 1)).toBe(true);
    expect(await h.storage.outbox.knows('sage_accounting', 'invoice.paid', 1)).toBe(false);
    expect(await h.storage.outbox.knows('xero', 'invoice.created', 1)).toBe(false);
    expect(await h.storage.outbox.knows('sage_accounting', 'invoice.created', 2)).toBe(false);
  });

  it('lists one entity’s rows, of every status, and refuses half an entity filter', async () => {
    await settle([1], 'succeeded');
    await h.storage.outbox.enqueue([event({ entityId: 1, eventName: 'invoice.paid' }), event({ entityId: 2 }), event({ entityId: 1, provider: 'xero' })]);
    const rows = await h.storage.outbox.list({ provider: 'sage_accounting', entityType: 'invoice', entityId: 1 });
    expect(rows.rows.map((r) => [r.eventName, r.status]).sort()).toEqual([['invoice.created', 'succeeded'], ['invoice.paid', 'pending']]);
    expect(rows.total).toBe(2);
    expect((await h.storage.outbox.list({ entityType: 'creditmemo', entityId: 1 })).total).toBe(0);
    await expect(h.storage.outbox.list({ entityType: 'invoice' })).rejects.toThrow(/`entityType` and `entityId`/);
    await expect(h.storage.outbox.list({ entityType: 'invoice', entityId: 0 })).rejects.toThrow(/`entityType` and `entityId`/);
  });
});
