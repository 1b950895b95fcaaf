import type { Clock, OutboxEventInput } from '@byte8/core';
import { type AnyTestDatabase, type TestDialect, testDialects } from '@byte8/testkit';
import { sql } from 'kysely';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Byte8Storage } from './byte8-storage.js';
import { createStorage } from './create-storage.js';
import type { StorageOptions } from './storage-options.js';

/** A clock the tests move by hand. */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start = '2026-05-01T10:00:00.000Z'): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface StorageHarness {
  readonly dialect: TestDialect<AnyTestDatabase>;
  readonly database: AnyTestDatabase;
  readonly storage: Byte8Storage;
  readonly clock: ManualClock;
  /** Another storage on the same database (pg: its own pool; PGlite: the same instance). */
  open(options?: Partial<StorageOptions>): Promise<Byte8Storage>;
  /** A bare pg pool on the database (pg only), for sessions the test controls. */
  pgPool(): pg.Pool;
  /** A bare mysql2 connection on the database (mysql only), for sessions the test controls; closed after the file. */
  mysqlConnection(): Promise<mysql.Connection>;
}

/**
 * The dialects every contract file runs over: PGlite; pg when
 * `BYTE8_TEST_PG_URL` is set; MySQL/MariaDB when `BYTE8_TEST_MYSQL_URL` is.
 */
export const dialects = testDialects(process.env, { mysql: true });

const BYTE8_TABLES = ['byte8_event_outbox', 'byte8_entity_sync_state', 'byte8_connection', 'byte8_entity_ref', 'byte8_jti', 'byte8_watermark', 'byte8_rate_limit', 'byte8_oauth_connection'];

/** Empties the byte8 tables and restarts their ids, on any dialect. */
async function emptyTables(storage: Byte8Storage): Promise<void> {
  if (storage.dialect === 'mysql') {
    // One table per TRUNCATE on MySQL; it restarts AUTO_INCREMENT too.
    for (const table of BYTE8_TABLES) await sql`TRUNCATE TABLE ${sql.table(`${storage.tablePrefix ?? ''}${table}`)}`.execute(storage.db);
    return;
  }
  const prefix = storage.schema ? `"${storage.schema}".` : '';
  await sql.raw(`TRUNCATE ${BYTE8_TABLES.map((t) => prefix + t).join(', ')} RESTART IDENTITY`).execute(storage.db);
}

/**
 * One throwaway database per test file and dialect; the byte8 tables are
 * emptied before each test so tests do not see each other's rows.
 */
export function useStorage(dialect: TestDialect<AnyTestDatabase>, options: Partial<StorageOptions> = {}): StorageHarness {
  const clock = manualClock();
  const opened: Byte8Storage[] = [];
  const pools: pg.Pool[] = [];
  const connections: mysql.Connection[] = [];
  let database: AnyTestDatabase;
  let storage: Byte8Storage;

  const open = async (extra: Partial<StorageOptions> = {}) => {
    const base: StorageOptions =
      database.dialect === 'pglite' ? { pglite: database.pglite } : { databaseUrl: database.url };
    const next = await createStorage({ ...base, clock, ...options, ...extra });
    opened.push(next);
    return next;
  };

  let setupError: unknown = null;
  beforeAll(async () => {
    try {
      database = await dialect.createDatabase();
      storage = await open();
    } catch (error) {
      setupError = error;
    }
  });
  afterAll(async () => {
    for (const s of opened.reverse()) await s.close();
    if (!database) return;
    for (const p of pools) await p.end();
    for (const c of connections) await c.end().catch(() => {});
    await database?.drop();
  });
  beforeEach(async () => {
    // Rethrown per test: a configured but unreachable server must count as failed tests, not skipped ones.
    if (setupError) throw setupError;
    clock.set('2026-05-01T10:00:00.000Z');
    await emptyTables(storage);
  });

  return {
    dialect,
    get database() {
      return database;
    },
    get storage() {
      return storage;
    },
    clock,
    open,
    pgPool() {
      if (database.dialect !== 'pg') throw new Error('pgPool() is for the pg dialect');
      const pool = new pg.Pool({ connectionString: database.url, max: 4 });
      pools.push(pool);
      return pool;
    },
    async mysqlConnection() {
      if (database.dialect !== 'mysql') throw new Error('mysqlConnection() is for the mysql dialect');
      const connection = await mysql.createConnection({ uri: database.url, timezone: 'Z' });
      connections.push(connection);
      return connection;
    },
  };
}

/** An event with sensible defaults for tests. */
export function event(overrides: Partial<OutboxEventInput> = {}): OutboxEventInput {
  const entityId = overrides.entityId === undefined ? 42 : overrides.entityId;
  const eventName = overrides.eventName ?? 'invoice.created';
  return {
    provider: 'sage_accounting',
    tenantId: 'tenant-a',
    eventName,
    idempotencyKey: `${eventName}:${entityId}`,
    body: `{"event":"${eventName}","payload":{"magento_entity_id":${entityId}}}`,
    entityType: entityId === null ? null : 'invoice',
    entityId,
    upsert: false,
    ...overrides,
  };
}

export const TENANT_A = [{ provider: 'sage_accounting', tenantId: 'tenant-a' }] as const;
