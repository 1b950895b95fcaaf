import type { PGlite } from '@electric-sql/pglite';
import { systemClock } from '@byte8/core';
import { type Dialect, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Byte8Storage } from './byte8-storage.js';
import { KyselyActivityStore } from './activity-store.js';
import { KyselyConnectionStore } from './connection-store.js';
import { KyselyEntityRefStore } from './entity-ref-store.js';
import { KyselyEntityXrefStore } from './entity-xref/entity-xref-store.js';
import { listenPg } from './listen/listen-pg.js';
import { createPgliteListener } from './listen/listen-pglite.js';
import { runMigrations } from './migrations/run-migrations.js';
import { openPglite } from './pglite/open-pglite.js';
import { KyselyOAuthConnectionStore } from './oauth-connection/oauth-connection-store.js';
import { KyselyOutboxStore } from './outbox/outbox-store.js';
import { KyselyRateLimitStore } from './rate-limit-store.js';
import { KyselyReplayGuard } from './replay-guard.js';
import { type StorageOptions, validateStorageOptions } from './storage-options.js';
import { createStoreContext } from './store-context.js';
import { KyselySyncStateStore } from './sync-state-store.js';
import { KyselyWatermarkStore } from './watermark-store.js';

/** A PGlite dialect whose destroy() leaves a borrowed instance open. */
function pgliteDialect(pglite: PGlite, owned: boolean): Dialect {
  const inner = new PGliteDialect(pglite);
  return {
    createAdapter: () => inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver: () => {
      const driver = inner.createDriver();
      if (!owned) driver.destroy = async () => {};
      return driver;
    },
  };
}

/**
 * Opens the connector's storage: PostgreSQL through `pg` when given a
 * `databaseUrl` or a `pool`, MySQL 8.0.1+ / MariaDB 10.6+ through `mysql2`
 * when the URL is `mysql://...`, otherwise an embedded PGlite (on disk at
 * `dataDir`, else in memory). Runs the migrations unless `migrate: false`.
 *
 * @example
 * // Production: the host's database, tables in their own schema.
 * const storage = await createStorage({ databaseUrl: 'postgres://app@db/shop', schema: 'byte8' });
 * // Joining the host's transaction makes the outbox transactional:
 * await hostDb.transaction().execute(async (trx) => {
 *   await trx.insertInto('orders').values(order).execute();
 *   await storage.outbox.enqueue([event], { transaction: trx });
 * });
 * await storage.close();
 *
 * // MySQL: tables named `shop_byte8_*` in the shop's own database.
 * const onMysql = await createStorage({ databaseUrl: 'mysql://app@db/shop', tablePrefix: 'shop_' });
 *
 * // Demo and tests: embedded, in memory.
 * const embedded = await createStorage();
 */
export async function createStorage(options: StorageOptions = {}): Promise<Byte8Storage> {
  validateStorageOptions(options);
  const schema = options.schema ?? null;
  const clock = options.clock ?? systemClock;
  if (options.databaseUrl?.startsWith('mysql:')) {
    // Loaded on demand, as PGlite is: a worker on PostgreSQL never loads mysql2.
    const { openMysqlStorage } = await import('./mysql/create-mysql-storage.js');
    const storage = openMysqlStorage({ databaseUrl: options.databaseUrl, tablePrefix: options.tablePrefix ?? '', clock });
    return migrated(storage, options);
  }

  let dialect: Dialect;
  let listen: Byte8Storage['listen'];
  let db: Kysely<any>;
  let storageDialect: Byte8Storage['dialect'];

  if (options.pool || options.databaseUrl) {
    const ownsPool = !options.pool;
    const pool = options.pool ?? new pg.Pool({ connectionString: options.databaseUrl });
    // An idle client dropped by the server would otherwise be an unhandled 'error' event.
    if (ownsPool) pool.on('error', () => {});
    // So would a checked-out one between two statements (pg_terminate_backend, a server restart):
    // the pool listens only to idle clients. Its next query fails instead, and the pool drops it.
    const guarded = new WeakSet<pg.PoolClient>();
    const connect = async () => {
      const client = await pool.connect();
      if (!guarded.has(client)) {
        guarded.add(client);
        client.on('error', () => {});
      }
      return client;
    };
    // kysely ends the pool on destroy(); a borrowed pool is hidden behind a wrapper that does not.
    dialect = new PostgresDialect({ pool: ownsPool ? { connect, end: () => pool.end() } : { connect, end: async () => {} } });
    db = new Kysely<any>({ dialect });
    listen = (onNotify) => listenPg(pool, onNotify);
    storageDialect = 'pg';
  } else {
    const owned = !options.pglite;
    const pglite =
      options.pglite ??
      (await openPglite({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.pgliteSettings ? { settings: options.pgliteSettings } : {}) }));
    dialect = pgliteDialect(pglite, owned);
    db = new Kysely<any>({ dialect });
    listen = createPgliteListener(pglite, db);
    storageDialect = 'pglite';
  }

  const context = createStoreContext(db, schema, clock);
  const unsubscribes = new Set<() => Promise<void>>();
  const storage: Byte8Storage = {
    dialect: storageDialect,
    db,
    schema,
    outbox: new KyselyOutboxStore(context),
    syncState: new KyselySyncStateStore(context),
    activity: new KyselyActivityStore(context),
    connections: new KyselyConnectionStore(context),
    entityRefs: new KyselyEntityRefStore(context),
    replayGuard: new KyselyReplayGuard(context),
    rateLimits: new KyselyRateLimitStore(context),
    oauthConnections: new KyselyOAuthConnectionStore(context),
    entityXrefs: new KyselyEntityXrefStore(context),
    watermarks: new KyselyWatermarkStore(context),
    migrate: () => runMigrations(db, schema),
    async listen(onNotify) {
      const unsubscribe = await listen(onNotify);
      const tracked = async () => {
        unsubscribes.delete(tracked);
        await unsubscribe();
      };
      unsubscribes.add(tracked);
      return tracked;
    },
    async close() {
      for (const unsubscribe of [...unsubscribes]) await unsubscribe();
      await db.destroy();
    },
  };

  return migrated(storage, options);
}

async function migrated(storage: Byte8Storage, options: StorageOptions): Promise<Byte8Storage> {
  if (options.migrate ?? true) {
    try {
      await storage.migrate();
    } catch (error) {
      await storage.close();
      throw error;
    }
  }
  return storage;
}
