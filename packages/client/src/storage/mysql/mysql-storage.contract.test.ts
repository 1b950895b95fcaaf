import { Kysely, MysqlDialect, sql } from 'kysely';
import mysql from 'mysql2';
import { describe, expect, it } from 'vitest';
import { TENANT_A, dialects, event, useStorage } from '../contract-setup.test-helpers.js';

const mysqlDialect = dialects.find((d) => d.name === 'mysql');

// What only MySQL has (a table prefix, joining a mysql2 transaction) or lacks (NOTIFY); the shared
// contract files run over it as over PostgreSQL.
describe.runIf(mysqlDialect)('storage on MySQL', () => {
  const h = useStorage(mysqlDialect!);
  const url = () => (h.database as { url: string }).url;

  it('puts every table behind the prefix and keeps the prefixed storage apart', async () => {
    const shop = await h.open({ tablePrefix: 'shop_' });
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = DATABASE() AND table_name LIKE 'shop\\_%' ORDER BY table_name
    `.execute(shop.db);
    expect(tables.rows.map((r) => r.name)).toEqual([
      'shop_byte8_connection', 'shop_byte8_entity_ref', 'shop_byte8_entity_sync_state', 'shop_byte8_entity_xref', 'shop_byte8_event_outbox',
      'shop_byte8_jti', 'shop_byte8_migration', 'shop_byte8_migration_lock', 'shop_byte8_oauth_connection',
      'shop_byte8_rate_limit', 'shop_byte8_watermark',
    ]);
    expect(shop.tablePrefix).toBe('shop_');
    const [r] = await shop.outbox.enqueue([event()]);
    expect(r?.outcome).toBe('inserted');
    expect((await shop.outbox.claim({ owner: 'w', limit: 5, leaseMs: 1_000, tenants: TENANT_A })).map((x) => x.id)).toEqual([r!.id]);
    expect((await h.storage.outbox.list({})).total).toBe(0);
    const migrations = await sql<{ name: string }>`SELECT name FROM shop_byte8_migration ORDER BY name`.execute(shop.db);
    expect(migrations.rows.map((m) => m.name)).toEqual(['0001_initial', '0002_coalesced_notify', '0003_rate_limits', '0005_sync_state_message', '0006_oauth_connections', '0007_outbox_fillfactor', '0008_entity_xref']);
  });

  it('never wakes a listener (no NOTIFY on MySQL) and unsubscribes cleanly', async () => {
    let wakes = 0;
    const unsubscribe = await h.storage.listen(() => {
      wakes++;
    });
    await h.storage.outbox.enqueue([event()]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(wakes).toBe(0);
    await unsubscribe();
  });

  it('joins a mysql2 transaction the host passes: its rollback takes the events with it, its commit keeps them', async () => {
    const host = await h.mysqlConnection();
    await host.beginTransaction();
    await h.storage.outbox.enqueue([event({ entityId: 1 })], { transaction: host });
    await h.storage.syncState.markPending('invoice', 7, 'sage_accounting', { transaction: host });
    const alias = await h.storage.entityRefs.aliasOf('order', 'ord_abc', { transaction: host });
    expect((await h.storage.outbox.list({})).total).toBe(0);
    await host.rollback();
    expect((await h.storage.outbox.list({})).total).toBe(0);
    expect(await h.storage.syncState.find('invoice', 7, 'sage_accounting')).toBeNull();
    expect(await h.storage.entityRefs.hostIdOf('order', alias)).toBeNull();

    await host.beginTransaction();
    const [kept] = await h.storage.outbox.enqueue([event({ entityId: 2 })], { transaction: host });
    await host.commit();
    expect((await h.storage.outbox.find(kept!.id!))?.entityId).toBe(2);
  });

  it('writes UTC instants through a host connection that formats dates in another time zone', async () => {
    const host = mysql.createConnection({ uri: url(), timezone: '+05:00' });
    try {
      h.clock.set('2026-05-01T10:00:00.123Z');
      const [r] = await h.storage.outbox.enqueue([event()], { transaction: host });
      expect((await h.storage.outbox.find(r!.id!))?.createdAt).toEqual(new Date('2026-05-01T10:00:00.123Z'));
    } finally {
      await new Promise((resolve) => host.end(resolve));
    }
  });

  it('joins a kysely transaction over the host database', async () => {
    const hostDb = new Kysely<any>({ dialect: new MysqlDialect({ pool: mysql.createPool({ uri: url(), timezone: 'Z', connectionLimit: 2 }) }) });
    try {
      await expect(
        hostDb.transaction().execute(async (trx) => {
          await h.storage.outbox.enqueue([event({ entityId: 1 })], { transaction: trx });
          throw new Error('order failed');
        }),
      ).rejects.toThrow('order failed');
      expect((await h.storage.outbox.list({})).total).toBe(0);
      await hostDb.transaction().execute((trx) => h.storage.outbox.enqueue([event({ entityId: 2 })], { transaction: trx }));
      expect((await h.storage.outbox.list({})).rows.map((r) => r.entityId)).toEqual([2]);
    } finally {
      await hostDb.destroy();
    }
  });

  it('refuses a transaction that is neither kysely nor a mysql2 connection (a pool included), writing nothing', async () => {
    await expect(h.storage.outbox.enqueue([event()], { transaction: { query: 'no' } as never })).rejects.toThrow(/`transaction` must be/);
    await expect(h.storage.outbox.enqueue([event()], { transaction: 42 as never })).rejects.toThrow(/`transaction` must be/);
    const pool = mysql.createPool({ uri: url(), connectionLimit: 1 });
    try {
      await expect(h.storage.outbox.enqueue([event()], { transaction: pool })).rejects.toThrow(/got a pool: pass the connection from pool.getConnection\(\)/);
      await expect(h.storage.outbox.enqueue([event()], { transaction: pool.promise() })).rejects.toThrow(/got a pool/);
    } finally {
      await new Promise((resolve) => pool.end(resolve));
    }
    expect((await h.storage.outbox.list({})).total).toBe(0);
  });

  it('keeps milliseconds, keys that differ only in case apart, and bodies past 64 KiB whole', async () => {
    h.clock.set('2026-05-01T10:00:00.987Z');
    const big = `{"pad":"${'x'.repeat(200_000)}"}`;
    const [lower, upper] = await h.storage.outbox.enqueue([
      event({ idempotencyKey: 'invoice:abc', body: big }),
      event({ idempotencyKey: 'INVOICE:ABC', entityId: 43 }),
    ]);
    expect([lower?.outcome, upper?.outcome]).toEqual(['inserted', 'inserted']);
    const row = await h.storage.outbox.find(lower!.id!);
    expect(row?.body).toBe(big);
    expect(row?.createdAt.toISOString()).toBe('2026-05-01T10:00:00.987Z');
    const [claimed] = await h.storage.outbox.claim({ owner: 'w', limit: 1, leaseMs: 1, tenants: TENANT_A });
    expect(claimed?.leaseExpiresAt?.toISOString()).toBe('2026-05-01T10:00:00.988Z');
  });
});
