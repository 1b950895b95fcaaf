import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dialects, event, useStorage } from './contract-setup.test-helpers.js';
import { gate } from '../testing/gate.test-helpers.js';
import { createStorage } from './create-storage.js';

const waitFor = async (check: () => boolean, what: string, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('createStorage options', () => {
  it('rejects bad options naming the setting, before connecting', async () => {
    await expect(createStorage({ databaseUrl: 'sqlite://x/y' })).rejects.toThrow(/`databaseUrl` must start with postgres:\/\/, postgresql:\/\/ or mysql:\/\//);
    await expect(createStorage({ databaseUrl: 'mysql://x/y', schema: 'shop' })).rejects.toThrow(/MySQL has no schemas, use `tablePrefix`/);
    await expect(createStorage({ databaseUrl: 'postgres://x/y', tablePrefix: 'shop_' })).rejects.toThrow(/`tablePrefix` applies only to MySQL/);
    await expect(createStorage({ tablePrefix: 'shop_' })).rejects.toThrow(/`tablePrefix` applies only to MySQL/);
    await expect(createStorage({ databaseUrl: 'mysql://x/y', tablePrefix: 'Shop-' })).rejects.toThrow(/`tablePrefix` must be a lower-case identifier/);
    await expect(createStorage({ databaseUrl: 'mysql://x/y', tablePrefix: 'p'.repeat(33) })).rejects.toThrow(/at most 32 characters/);
    await expect(createStorage({ databaseUrl: 'mysql://x/y', tablePrefix: 7 as never })).rejects.toThrow(/`tablePrefix` must be/);
    await expect(createStorage({ databaseUrl: 'not a url' })).rejects.toThrow(/`databaseUrl` is not a valid URL/);
    await expect(createStorage({ databaseUrl: 'postgres://x/y', pool: new pg.Pool() })).rejects.toThrow(/only one of .*databaseUrl and pool/);
    await expect(createStorage({ databaseUrl: 'postgres://x/y', dataDir: '/tmp/x' })).rejects.toThrow(/`dataDir` applies only/);
    await expect(createStorage({ schema: 'Bad-Name' })).rejects.toThrow(/`schema` must be/);
    await expect(createStorage({ clock: {} as never })).rejects.toThrow(/`clock`/);
    await expect(createStorage({ migrate: 'yes' as never })).rejects.toThrow(/`migrate`/);
    await expect(createStorage({ databaseUrl: 'postgres://x/y', pgliteSettings: { shared_buffers: '16MB' } })).rejects.toThrow(/`pgliteSettings` applies only to the built-in PGlite/);
    await expect(createStorage({ pgliteSettings: 'shared_buffers=16MB' as never })).rejects.toThrow(/`pgliteSettings` must be an object/);
    await expect(createStorage({ pgliteSettings: { 'shared buffers': '16MB' } })).rejects.toThrow(/"shared buffers" is not a setting name/);
    await expect(createStorage({ pgliteSettings: { shared_buffers: '16MB -c fsync=off' } })).rejects.toThrow(/`pgliteSettings.shared_buffers` must be a plain value/);
    await expect(createStorage({ pgliteSettings: { shared_buffers: 16 as never } })).rejects.toThrow(/`pgliteSettings.shared_buffers` must be a plain value/);
  });

  // PGlite boots a WASM Postgres (initdb on first use of a data dir): slow on a busy machine.
  const BOOT_TIMEOUT = 120_000;

  it('defaults to an in-memory PGlite', { timeout: BOOT_TIMEOUT }, async () => {
    const memory = await createStorage();
    expect(memory.dialect).toBe('pglite');
    expect((await memory.outbox.enqueue([event()]))[0]?.outcome).toBe('inserted');
    await memory.close();
  });

  it('starts the built-in PGlite with pgliteSettings', { timeout: BOOT_TIMEOUT }, async () => {
    const storage = await createStorage({ pgliteSettings: { shared_buffers: '16MB', work_mem: '2MB' } });
    try {
      const shown = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(storage.db);
      expect(shown.rows[0]?.shared_buffers).toBe('16MB');
      expect((await sql<{ work_mem: string }>`show work_mem`.execute(storage.db)).rows[0]?.work_mem).toBe('2MB');
    } finally {
      await storage.close();
    }
  });

  it('keeps an on-disk PGlite at dataDir across reopen', { timeout: BOOT_TIMEOUT }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'byte8-storage-'));
    try {
      const first = await createStorage({ dataDir });
      await first.outbox.enqueue([event()]);
      await first.close();
      const second = await createStorage({ dataDir });
      expect((await second.outbox.list({})).total).toBe(1);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('leaves a PGlite the caller passed in open on close()', { timeout: BOOT_TIMEOUT }, async () => {
    const pglite = await PGlite.create();
    const storage = await createStorage({ pglite });
    await storage.close();
    expect(pglite.closed).toBe(false);
    expect((await pglite.query('SELECT count(*)::int AS n FROM byte8_event_outbox')).rows).toEqual([{ n: 0 }]);
    await pglite.close();
  });
});

describe.each(dialects)('storage on $name', (dialect) => {
  const h = useStorage(dialect);

  it('migrates idempotently and records migrations in byte8_migration', async () => {
    await h.storage.migrate();
    const again = await h.open();
    await again.migrate();
    const rows = await sql<{ name: string }>`SELECT name FROM byte8_migration`.execute(h.storage.db);
    expect(rows.rows.map((r) => r.name)).toEqual([
      '0001_initial', '0002_coalesced_notify', '0003_rate_limits', '0005_sync_state_message', '0006_oauth_connections', '0007_outbox_fillfactor', '0008_entity_xref',
    ]);
  });

  // MySQL has neither schemas nor NOTIFY: mysql/mysql-storage.contract.test.ts covers its table prefix and polling.
  if (dialect.name !== 'mysql') {
    it('puts every table in the named schema, creating it, and works there', async () => {
      const scoped = await h.open({ schema: 'byte8_scoped' });
      const tables = await sql<{ table_name: string }>`
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'byte8_scoped' ORDER BY table_name
      `.execute(scoped.db);
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'byte8_connection', 'byte8_entity_ref', 'byte8_entity_sync_state', 'byte8_entity_xref', 'byte8_event_outbox',
        'byte8_jti', 'byte8_migration', 'byte8_migration_lock', 'byte8_oauth_connection', 'byte8_rate_limit', 'byte8_watermark',
      ]);
      await scoped.oauthConnections.startAuthorization('sage_accounting', { stateHash: 'a'.repeat(64), browserHash: 'b'.repeat(64), sealedVerifier: 'v1:k:x', expiresAt: new Date() });
      expect((await scoped.oauthConnections.takeAuthorization('sage_accounting', 'a'.repeat(64), 'b'.repeat(64))).kind).toBe('taken');
      expect(await h.storage.oauthConnections.list()).toEqual([]);
      const [r] = await scoped.outbox.enqueue([event()]);
      expect(r?.outcome).toBe('inserted');
      const inSchema = await sql<{ n: number }>`SELECT count(*)::int AS n FROM byte8_scoped.byte8_event_outbox`.execute(scoped.db);
      expect(inSchema.rows[0]?.n).toBe(1);
      expect((await h.storage.outbox.list({})).total).toBe(0);
      await sql`DROP SCHEMA byte8_scoped CASCADE`.execute(scoped.db);
    });

    it('wakes a listener when an enqueue commits, not before', async () => {
      let wakes = 0;
      const unsubscribe = await h.storage.listen(() => {
        wakes++;
      });
      try {
        await h.storage.outbox.enqueue([event({ entityId: 1 })]);
        await waitFor(() => wakes > 0, 'NOTIFY after enqueue');

        const seen = wakes;
        await h.storage.db.transaction().execute(async (trx) => {
          await h.storage.outbox.enqueue([event({ entityId: 2 })], { transaction: trx });
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(wakes).toBe(seen);
        });
        await waitFor(() => wakes > seen, 'NOTIFY after commit');
      } finally {
        await unsubscribe();
      }
      const after = wakes;
      await h.storage.outbox.enqueue([event({ entityId: 3 })]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(wakes).toBe(after);
    });
  }

  if (dialect.name === 'pg') {
    it('re-listens after the listening connection is killed, and wakes once for what it missed', async () => {
      let wakes = 0;
      const unsubscribe = await h.storage.listen(() => {
        wakes++;
      });
      const admin = h.pgPool();
      try {
        const killed = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
        );
        expect(killed.rowCount).toBeGreaterThan(0);
        await waitFor(() => wakes > 0, 'the wake after reconnecting');
        const listening = async () =>
          (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`)).rowCount ?? 0;
        const deadline = Date.now() + 5_000;
        while ((await listening()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        const before = wakes;
        await h.storage.outbox.enqueue([event({ entityId: 9 })]);
        await waitFor(() => wakes > before, 'NOTIFY on the new connection');
      } finally {
        await unsubscribe();
      }
    });

    it('coalesces NOTIFY: an enqueue beside an open notifying transaction sends none; that transaction wakes at commit', async () => {
      let wakes = 0;
      const unsubscribe = await h.storage.listen(() => {
        wakes++;
      });
      const other = await h.open();
      const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
      try {
        const firstEnqueued = gate();
        const firstMayCommit = gate();
        const first = h.storage.db.transaction().execute(async (trx) => {
          await h.storage.outbox.enqueue([event({ entityId: 1 })], { transaction: trx });
          firstEnqueued.open();
          await firstMayCommit.opened;
        });
        await firstEnqueued.opened;
        // Committed while the first transaction holds the notify lock: no NOTIFY of its own.
        await other.outbox.enqueue([event({ entityId: 2 })]);
        await pause();
        expect(wakes).toBe(0);
        firstMayCommit.open();
        await first;
        await waitFor(() => wakes === 1, 'the NOTIFY of the first transaction');
        // With nothing in flight, the next enqueue notifies again.
        await other.outbox.enqueue([event({ entityId: 3 })]);
        await waitFor(() => wakes === 2, 'NOTIFY of a lone enqueue');
        expect((await h.storage.outbox.list({})).total).toBe(3);
      } finally {
        await unsubscribe();
      }
    });

    it('leaves a pool the caller passed in open on close()', async () => {
      const pool = new pg.Pool({ connectionString: (h.database as { url: string }).url, max: 2 });
      const storage = await createStorage({ pool, migrate: false });
      await storage.outbox.counts();
      await storage.close();
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await pool.end();
    });
  }
});
