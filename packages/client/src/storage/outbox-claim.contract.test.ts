import { describe, expect, it } from 'vitest';
import { TENANT_A, dialects, event, useStorage } from './contract-setup.test-helpers.js';

const LEASE = { owner: 'worker-1', limit: 10, leaseMs: 30_000, tenants: TENANT_A };

describe.each(dialects)('outbox claim and complete on $name', (dialect) => {
  const h = useStorage(dialect);
  const enqueueInvoices = (ids: number[]) => h.storage.outbox.enqueue(ids.map((entityId) => event({ entityId })));

  it('leases due rows oldest first, up to the limit, counting a started attempt', async () => {
    await enqueueInvoices([5, 3, 9, 1]);
    const claimed = await h.storage.outbox.claim({ ...LEASE, limit: 3 });
    expect(claimed.map((r) => r.entityId)).toEqual([5, 3, 9]);
    for (const row of claimed) {
      expect(row).toMatchObject({ leaseOwner: 'worker-1', attemptsStarted: 1, attempts: 0, status: 'pending' });
      expect(row.leaseExpiresAt).toEqual(new Date(h.clock.now().getTime() + 30_000));
    }
  });

  it('does not hand out a leased row again until its lease expires', async () => {
    await enqueueInvoices([1]);
    expect(await h.storage.outbox.claim(LEASE)).toHaveLength(1);
    expect(await h.storage.outbox.claim({ ...LEASE, owner: 'worker-2' })).toEqual([]);
    h.clock.advance(29_999);
    expect(await h.storage.outbox.claim({ ...LEASE, owner: 'worker-2' })).toEqual([]);
    h.clock.advance(1);
    const [taken] = await h.storage.outbox.claim({ ...LEASE, owner: 'worker-2' });
    expect(taken).toMatchObject({ leaseOwner: 'worker-2', attemptsStarted: 2, attempts: 0 });
  });

  it('waits for next_attempt_at', async () => {
    const [r] = await enqueueInvoices([1]);
    await h.storage.outbox.claim(LEASE);
    const next = new Date(h.clock.now().getTime() + 60_000);
    await h.storage.outbox.complete('worker-1', [{ kind: 'retry', id: r!.id!, statusCode: 503, error: 'busy', at: h.clock.now(), nextAttemptAt: next }]);
    expect(await h.storage.outbox.claim(LEASE)).toEqual([]);
    h.clock.set(next);
    expect((await h.storage.outbox.claim(LEASE)).map((x) => x.id)).toEqual([r!.id]);
  });

  it('holds rows of another tenant, and rows without a tenant', async () => {
    await h.storage.outbox.enqueue([
      event({ entityId: 1, tenantId: 'tenant-old' }),
      event({ entityId: 2, tenantId: null }),
      event({ entityId: 3 }),
      event({ entityId: 4, provider: 'xero', tenantId: 'tenant-a' }),
    ]);
    expect((await h.storage.outbox.claim(LEASE)).map((r) => r.entityId)).toEqual([3]);
    expect(await h.storage.outbox.claim({ ...LEASE, tenants: [] })).toEqual([]);
    const xero = await h.storage.outbox.claim({ ...LEASE, tenants: [{ provider: 'xero', tenantId: 'tenant-a' }] });
    expect(xero.map((r) => r.entityId)).toEqual([4]);
    expect((await h.storage.outbox.find(1))?.leaseOwner).toBeNull();
  });

  it('keeps per-entity FIFO: a row waits while an older pending row of its entity exists', async () => {
    await h.storage.outbox.enqueue([
      event({ entityId: 1 }),
      event({ entityId: 1, eventName: 'invoice.paid' }),
      event({ entityId: 2 }),
      event({ entityId: 1, eventName: 'invoice.created', entityType: 'creditmemo', idempotencyKey: 'creditmemo.created:1' }),
    ]);
    const first = await h.storage.outbox.claim(LEASE);
    expect(first.map((r) => [r.entityType, r.entityId, r.eventName])).toEqual([
      ['invoice', 1, 'invoice.created'],
      ['invoice', 2, 'invoice.created'],
      ['creditmemo', 1, 'invoice.created'],
    ]);
    const created = first[0]!;
    await h.storage.outbox.complete(
      'worker-1',
      first.slice(1).map((r) => ({ kind: 'succeeded' as const, id: r.id, statusCode: 202, at: h.clock.now() })),
    );
    // Even when the older row is back off in retry, the newer one must not overtake it.
    h.clock.advance(1_000);
    await h.storage.outbox.complete('worker-1', [
      { kind: 'retry', id: created.id, statusCode: null, error: 'network', at: h.clock.now(), nextAttemptAt: new Date(h.clock.now().getTime() + 60_000) },
    ]);
    expect(await h.storage.outbox.claim({ ...LEASE, owner: 'worker-2' })).toEqual([]);
    h.clock.advance(60_000);
    const retried = await h.storage.outbox.claim(LEASE);
    expect(retried.map((r) => r.id)).toEqual([created.id]);
    await h.storage.outbox.complete('worker-1', [{ kind: 'succeeded', id: created.id, statusCode: 202, at: h.clock.now() }]);
    const paid = await h.storage.outbox.claim(LEASE);
    expect(paid.map((r) => r.eventName)).toEqual(['invoice.paid']);
  });

  it('does not let a dead-lettered row block later rows of its entity', async () => {
    const [created] = await enqueueInvoices([1]);
    await h.storage.outbox.claim(LEASE);
    await h.storage.outbox.complete('worker-1', [{ kind: 'dead_lettered', id: created!.id!, statusCode: 400, error: 'HTTP 400: bad', at: h.clock.now() }]);
    await h.storage.outbox.enqueue([event({ entityId: 1, eventName: 'invoice.paid' })]);
    expect((await h.storage.outbox.claim(LEASE)).map((r) => r.eventName)).toEqual(['invoice.paid']);
  });

  it('records succeeded, retry and dead-letter outcomes in one batch and clears the lease', async () => {
    const results = await enqueueInvoices([1, 2, 3]);
    const [a, b, c] = results.map((r) => r.id!);
    await h.storage.outbox.claim(LEASE);
    const at = new Date('2026-05-01T10:00:01.250Z');
    const next = new Date('2026-05-01T10:01:01.250Z');
    await h.storage.outbox.complete('worker-1', [
      { kind: 'succeeded', id: a!, statusCode: 202, at },
      { kind: 'retry', id: b!, statusCode: null, error: 'Network error', at, nextAttemptAt: next },
      { kind: 'dead_lettered', id: c!, statusCode: 422, error: 'HTTP 422: unknown customer', at },
    ]);
    expect(await h.storage.outbox.find(a!)).toMatchObject({
      status: 'succeeded', attempts: 1, attemptsStarted: 1, lastStatusCode: 202, lastAttemptAt: at, nextAttemptAt: null, lastError: null, leaseOwner: null, leaseExpiresAt: null,
    });
    expect(await h.storage.outbox.find(b!)).toMatchObject({
      status: 'pending', attempts: 1, lastStatusCode: null, lastAttemptAt: at, nextAttemptAt: next, lastError: 'Network error', leaseOwner: null,
    });
    expect(await h.storage.outbox.find(c!)).toMatchObject({
      status: 'dead_lettered', attempts: 1, lastStatusCode: 422, nextAttemptAt: null, lastError: 'HTTP 422: unknown customer', leaseOwner: null,
    });
  });

  it('ignores outcomes from a worker whose lease was taken over', async () => {
    const [r] = await enqueueInvoices([1]);
    await h.storage.outbox.claim(LEASE);
    h.clock.advance(31_000);
    await h.storage.outbox.claim({ ...LEASE, owner: 'worker-2' });
    await h.storage.outbox.complete('worker-1', [{ kind: 'dead_lettered', id: r!.id!, statusCode: 400, error: 'late', at: h.clock.now() }]);
    expect(await h.storage.outbox.find(r!.id!)).toMatchObject({ status: 'pending', leaseOwner: 'worker-2', attempts: 0 });
    await h.storage.outbox.complete('worker-2', [{ kind: 'succeeded', id: r!.id!, statusCode: 202, at: h.clock.now() }]);
    expect(await h.storage.outbox.find(r!.id!)).toMatchObject({ status: 'succeeded', attempts: 1, attemptsStarted: 1 });
  });

  it('release gives the lease and the started attempt back', async () => {
    const [r] = await enqueueInvoices([1]);
    await h.storage.outbox.claim(LEASE);
    await h.storage.outbox.release('worker-2', [r!.id!]);
    expect((await h.storage.outbox.find(r!.id!))?.leaseOwner).toBe('worker-1');
    await h.storage.outbox.release('worker-1', [r!.id!]);
    expect(await h.storage.outbox.find(r!.id!)).toMatchObject({ leaseOwner: null, leaseExpiresAt: null, attemptsStarted: 0 });
    expect(await h.storage.outbox.claim({ ...LEASE, owner: 'worker-2' })).toHaveLength(1);
  });

  it('rejects bad claim and complete input', async () => {
    await expect(h.storage.outbox.claim({ ...LEASE, limit: 0 })).rejects.toThrow(/`limit`/);
    await expect(h.storage.outbox.claim({ ...LEASE, owner: 'x'.repeat(65) })).rejects.toThrow(/`owner`/);
    await expect(
      h.storage.outbox.complete('worker-1', [{ kind: 'retry', id: 1, statusCode: null, error: 'x', at: new Date(), nextAttemptAt: new Date('nope') }]),
    ).rejects.toThrow(/nextAttemptAt/);
  });

  it('never gives the same row to two concurrent claimers', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => i + 1);
    await enqueueInvoices(ids);
    // On pg the second storage has its own pool, so the claims really run side by side.
    const other = await h.open();
    const seen: number[] = [];
    const drain = async (store: typeof h.storage, owner: string) => {
      for (;;) {
        const rows = await store.outbox.claim({ ...LEASE, owner, limit: 7 });
        if (rows.length === 0) return;
        seen.push(...rows.map((r) => r.entityId!));
      }
    };
    await Promise.all([drain(h.storage, 'a'), drain(other, 'b'), drain(h.storage, 'c'), drain(other, 'd')]);
    expect(seen.sort((x, y) => x - y)).toEqual(ids);
  });

  if (dialect.name !== 'pglite') {
    /** A session of the test's own that locks the rows of entities 1 and 2 until `release()`. */
    const lockRowsOneAndTwo = async (): Promise<{ release: () => Promise<void> }> => {
      const lock = `SELECT entity_id FROM byte8_event_outbox WHERE entity_ref IN (1, 2) FOR UPDATE`;
      if (dialect.name === 'mysql') {
        const connection = await h.mysqlConnection();
        await connection.query('BEGIN');
        await connection.query(lock);
        return { release: async () => void (await connection.query('ROLLBACK')) };
      }
      const locker = await h.pgPool().connect();
      await locker.query('BEGIN');
      await locker.query(lock);
      return {
        release: async () => {
          await locker.query('ROLLBACK');
          locker.release();
        },
      };
    };

    it('skips rows another transaction has locked instead of waiting for them', async () => {
      await enqueueInvoices([1, 2, 3, 4, 5]);
      const locker = await lockRowsOneAndTwo();
      try {
        const claim = h.storage.outbox.claim(LEASE);
        const timeout = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3_000).unref());
        const claimed = await Promise.race([claim, timeout]);
        expect(claimed).not.toBe('blocked');
        expect((claimed as Awaited<typeof claim>).map((r) => r.entityId)).toEqual([3, 4, 5]);
      } finally {
        await locker.release();
      }
      expect((await h.storage.outbox.claim(LEASE)).map((r) => r.entityId)).toEqual([1, 2]);
    });
  }
});
