import { sql } from 'kysely';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TENANT_A, dialects, event, useStorage } from './contract-setup.test-helpers.js';

describe.each(dialects)('outbox enqueue on $name', (dialect) => {
  const h = useStorage(dialect);

  it('inserts a pending row with the exact body and a pending mirror row', async () => {
    const body = '{"event":"invoice.created","payload":{"magento_entity_id":42,"note":"é \\u00e9"}}';
    const [result] = await h.storage.outbox.enqueue([event({ body })]);
    expect(result).toEqual({ outcome: 'inserted', idempotencyKey: 'invoice.created:42', id: expect.any(Number) });
    const row = await h.storage.outbox.find(result!.id!);
    expect(row).toMatchObject({
      provider: 'sage_accounting',
      tenantId: 'tenant-a',
      eventName: 'invoice.created',
      body,
      entityType: 'invoice',
      entityId: 42,
      status: 'pending',
      attempts: 0,
      attemptsStarted: 0,
      nextAttemptAt: null,
      leaseOwner: null,
      createdAt: h.clock.now(),
    });
    const mirror = await h.storage.syncState.find('invoice', 42, 'sage_accounting');
    expect(mirror).toMatchObject({ status: 'pending', lastSyncAt: h.clock.now() });
  });

  it('dedupes on (provider, key) whatever the status, and still moves the mirror timestamp', async () => {
    const [first] = await h.storage.outbox.enqueue([event()]);
    await h.storage.outbox.claim({ owner: 'w', limit: 10, leaseMs: 60_000, tenants: TENANT_A });
    await h.storage.outbox.complete('w', [{ kind: 'succeeded', id: first!.id!, statusCode: 202, at: h.clock.now() }]);
    h.clock.advance(5_000);
    const [again] = await h.storage.outbox.enqueue([event({ body: '{"different":true}' })]);
    expect(again).toEqual({ outcome: 'duplicate', idempotencyKey: 'invoice.created:42', id: first!.id });
    expect((await h.storage.outbox.list({})).total).toBe(1);
    expect((await h.storage.outbox.find(first!.id!))?.status).toBe('succeeded');
    const mirror = await h.storage.syncState.find('invoice', 42, 'sage_accounting');
    expect(mirror?.lastSyncAt).toEqual(h.clock.now());
  });

  it('settles racing enqueues of one key to one insert, the others seeing duplicates of it', async () => {
    const other = await h.open();
    const results = (
      await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? other : h.storage).outbox.enqueue([event({ entityId: 77 })])))
    ).flat();
    const inserted = results.filter((r) => r.outcome === 'inserted');
    expect(inserted).toHaveLength(1);
    for (const r of results) expect(r).toMatchObject({ idempotencyKey: 'invoice.created:77', id: inserted[0]!.id });
    expect((await h.storage.outbox.list({})).total).toBe(1);
  });

  it('keeps the same key apart per provider', async () => {
    const results = await h.storage.outbox.enqueue([event(), event({ provider: 'xero' })]);
    expect(results.map((r) => r.outcome)).toEqual(['inserted', 'inserted']);
  });

  it('never overwrites a terminal mirror status with pending', async () => {
    await h.storage.syncState.upsertTerminal({
      entityType: 'invoice',
      entityId: 42,
      provider: 'sage_accounting',
      status: 'synced',
      providerEntityId: 'sage-uuid',
      providerReference: null,
      skipReason: null,
      errorCode: null,
      lastSyncAt: new Date('2026-04-01T00:00:00Z'),
    });
    await h.storage.outbox.enqueue([event({ eventName: 'invoice.paid', idempotencyKey: 'invoice.paid:42' })]);
    const mirror = await h.storage.syncState.find('invoice', 42, 'sage_accounting');
    expect(mirror).toMatchObject({ status: 'synced', providerEntityId: 'sage-uuid', lastSyncAt: h.clock.now() });
  });

  it('writes one statement for a batch, keeping batch order in ids and mirror rows per entity', async () => {
    const results = await h.storage.outbox.enqueue([
      event({ entityId: 1 }),
      event({ entityId: 1, eventName: 'invoice.paid' }),
      event({ entityId: 2 }),
      event({ entityId: null, eventName: 'ping', idempotencyKey: 'ping:x' }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['inserted', 'inserted', 'inserted', 'inserted']);
    const ids = results.map((r) => r.id!);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const mirror = await h.storage.syncState.list({ entityType: 'invoice', provider: 'sage_accounting' });
    expect(mirror.rows.map((r) => r.entityId).sort()).toEqual([1, 2]);
  });

  it('reports a repeated key inside one batch as a duplicate of the first', async () => {
    const results = await h.storage.outbox.enqueue([event(), event()]);
    expect(results[0]?.outcome).toBe('inserted');
    expect(results[1]).toEqual({ outcome: 'duplicate', idempotencyKey: 'invoice.created:42', id: results[0]?.id });
  });

  it('rejects a bad event with the field name and writes nothing of the batch', async () => {
    await expect(h.storage.outbox.enqueue([event(), event({ entityId: -3 })])).rejects.toThrow(/event 1: `entityId`/);
    await expect(h.storage.outbox.enqueue([event({ idempotencyKey: 'k'.repeat(129) })])).rejects.toThrow(/idempotencyKey/);
    await expect(h.storage.outbox.enqueue([event({ upsert: true, entityId: null })])).rejects.toThrow(/upsert needs/);
    expect((await h.storage.outbox.list({})).total).toBe(0);
    expect((await h.storage.syncState.list({ entityType: 'invoice', provider: 'sage_accounting' })).total).toBe(0);
  });

  describe('upserts', () => {
    const customer = (body = '{"v":1}') =>
      event({ eventName: 'customer.upserted', idempotencyKey: 'customer.upserted:7', entityType: 'customer', entityId: 7, upsert: true, body });

    const deliver = async (id: number, kind: 'succeeded' | 'dead_lettered' = 'succeeded') => {
      const claimed = await h.storage.outbox.claim({ owner: 'w', limit: 10, leaseMs: 60_000, tenants: TENANT_A });
      expect(claimed.map((r) => r.id)).toContain(id);
      await h.storage.outbox.complete('w', [
        kind === 'succeeded'
          ? { kind, id, statusCode: 202, at: h.clock.now() }
          : { kind, id, statusCode: 422, error: 'HTTP 422: no', at: h.clock.now() },
      ]);
    };

    it('coalesce into the pending row for the same provider, event and entity', async () => {
      const [first] = await h.storage.outbox.enqueue([customer('{"v":1}')]);
      const [second] = await h.storage.outbox.enqueue([customer('{"v":2}')]);
      expect(second).toEqual({ outcome: 'coalesced', idempotencyKey: 'customer.upserted:7', id: first!.id });
      expect((await h.storage.outbox.list({})).total).toBe(1);
    });

    it('store a later save under {key}:v{n} once the row was delivered or dead-lettered, never reusing a version', async () => {
      const [v1] = await h.storage.outbox.enqueue([customer()]);
      await deliver(v1!.id!);
      const [v2] = await h.storage.outbox.enqueue([customer()]);
      expect(v2).toMatchObject({ outcome: 'inserted', idempotencyKey: 'customer.upserted:7:v2' });
      const [coalesced] = await h.storage.outbox.enqueue([customer()]);
      expect(coalesced).toEqual({ outcome: 'coalesced', idempotencyKey: 'customer.upserted:7:v2', id: v2!.id });
      await deliver(v2!.id!, 'dead_lettered');
      const [v3] = await h.storage.outbox.enqueue([customer()]);
      expect(v3).toMatchObject({ outcome: 'inserted', idempotencyKey: 'customer.upserted:7:v3' });
      await deliver(v3!.id!);
      // Purging delivered rows frees the old keys; the counter still moves forward.
      h.clock.advance(40 * 86_400_000);
      await h.storage.outbox.purgeSucceeded({ olderThan: new Date(h.clock.now().getTime() - 86_400_000) });
      const [plainAgain] = await h.storage.outbox.enqueue([customer()]);
      expect(plainAgain).toMatchObject({ outcome: 'inserted', idempotencyKey: 'customer.upserted:7' });
      await deliver(plainAgain!.id!);
      const [v4] = await h.storage.outbox.enqueue([customer()]);
      expect(v4?.idempotencyKey).toBe('customer.upserted:7:v4');
    });

    it('get distinct versions under concurrent enqueues', async () => {
      const [v1] = await h.storage.outbox.enqueue([customer()]);
      await deliver(v1!.id!);
      const other = await h.open();
      const results = await Promise.all([
        h.storage.outbox.enqueue([customer()]),
        other.outbox.enqueue([customer()]),
        h.storage.outbox.enqueue([customer()]),
      ]);
      const keys = results.flat().filter((r) => r.outcome === 'inserted').map((r) => r.idempotencyKey);
      expect(keys.length).toBeGreaterThanOrEqual(1);
      expect(new Set(keys).size).toBe(keys.length);
      const rows = (await h.storage.outbox.list({ status: 'pending' })).rows;
      expect(rows.map((r) => r.idempotencyKey).sort()).toEqual([...keys].sort());
      for (const r of results.flat()) expect(rows.map((row) => row.id)).toContain(r.id);
    });
  });

  describe('joining a host transaction', () => {
    const hostDb = () =>
      h.database.dialect === 'pg'
        ? new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: h.database.url, max: 2 }) }) })
        : h.storage.db;

    it('leaves nothing behind when the host rolls back, and everything when it commits', async () => {
      const host = hostDb();
      try {
        await sql`CREATE TABLE IF NOT EXISTS shop_order (id serial PRIMARY KEY, total int NOT NULL)`.execute(host);
        await expect(
          host.transaction().execute(async (trx) => {
            await sql`INSERT INTO shop_order (total) VALUES (100)`.execute(trx);
            await h.storage.outbox.enqueue([event()], { transaction: trx });
            throw new Error('host failed after enqueue');
          }),
        ).rejects.toThrow('host failed after enqueue');
        expect((await sql`SELECT * FROM shop_order`.execute(host)).rows).toHaveLength(0);
        expect((await h.storage.outbox.list({})).total).toBe(0);
        expect(await h.storage.syncState.find('invoice', 42, 'sage_accounting')).toBeNull();

        await host.transaction().execute(async (trx) => {
          await sql`INSERT INTO shop_order (total) VALUES (100)`.execute(trx);
          await h.storage.outbox.enqueue([event()], { transaction: trx });
        });
        expect((await h.storage.outbox.list({})).total).toBe(1);
        expect(await h.storage.syncState.find('invoice', 42, 'sage_accounting')).not.toBeNull();
      } finally {
        if (host !== h.storage.db) await host.destroy();
      }
    });

    it('refuses something that is not a kysely transaction', async () => {
      await expect(h.storage.outbox.enqueue([event()], { transaction: { query: () => {} } })).rejects.toThrow(/kysely Transaction/);
    });
  });
});
