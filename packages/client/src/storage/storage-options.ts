import type { PGlite } from '@electric-sql/pglite';
import type { Clock } from '@byte8/core';
import type pg from 'pg';

/** Options of `createStorage()`. Give at most one of `databaseUrl`, `pool` and `pglite`. */
export interface StorageOptions {
  /**
   * PostgreSQL URL (`postgres://...`) or MySQL 8.0.1+ / MariaDB 10.6+ URL
   * (`mysql://...`); the storage creates and later ends its own pool.
   */
  readonly databaseUrl?: string;
  /** A pool the host owns (shared with its own queries); `close()` leaves it open. */
  readonly pool?: pg.Pool;
  /** An open PGlite the host owns; `close()` leaves it open. */
  readonly pglite?: PGlite;
  /** Directory of an on-disk PGlite, used when neither a URL nor a pool is given. Default: in memory. */
  readonly dataDir?: string;
  /**
   * PostgreSQL settings of the built-in PGlite, applied at each start, e.g.
   * `{ shared_buffers: '16MB' }` (PGlite's default of 128MB is most of its resident
   * memory once the buffers fill). Default: PGlite's own.
   */
  readonly pgliteSettings?: Readonly<Record<string, string>>;
  /** Postgres schema for the `byte8_*` tables, created if missing. Default: the search path (usually `public`). */
  readonly schema?: string;
  /** MySQL only (it has no schemas): a prefix for every table name, e.g. `shop_` gives `shop_byte8_event_outbox`. Default none. */
  readonly tablePrefix?: string;
  /** Source of every timestamp the stores write or compare. Default: the system clock. */
  readonly clock?: Clock;
  /** Run migrations before returning. Default true. */
  readonly migrate?: boolean;
}

const SETTING_NAME = /^[a-z_][a-z0-9_.]{0,62}$/;
const SETTING_VALUE = /^[A-Za-z0-9._-]{1,64}$/;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// The longest table name plus the prefix stays inside MySQL's 64-character identifiers.
const TABLE_PREFIX = /^[a-z_][a-z0-9_]{0,31}$/;

function fail(message: string): never {
  throw new TypeError(`createStorage: ${message}`);
}

/** Fails closed with the setting's name, before anything connects. */
export function validateStorageOptions(options: StorageOptions): void {
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  const given = (['databaseUrl', 'pool', 'pglite'] as const).filter((name) => options[name] !== undefined);
  if (given.length > 1) fail(`give only one of \`databaseUrl\`, \`pool\` and \`pglite\` (got ${given.join(' and ')})`);
  if (options.databaseUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(options.databaseUrl).protocol;
    } catch {
      fail('`databaseUrl` is not a valid URL');
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:' && protocol !== 'mysql:') {
      fail('`databaseUrl` must start with postgres://, postgresql:// or mysql://');
    }
  }
  const onMysql = typeof options.databaseUrl === 'string' && options.databaseUrl.startsWith('mysql:');
  if (onMysql && options.schema !== undefined) fail('`schema` is for PostgreSQL; MySQL has no schemas, use `tablePrefix`');
  if (options.tablePrefix !== undefined) {
    if (!onMysql) fail('`tablePrefix` applies only to MySQL (`databaseUrl: mysql://...`); PostgreSQL uses `schema`');
    if (typeof options.tablePrefix !== 'string' || !TABLE_PREFIX.test(options.tablePrefix)) {
      fail('`tablePrefix` must be a lower-case identifier ([a-z_][a-z0-9_]*, at most 32 characters)');
    }
  }
  if (options.pool !== undefined && typeof options.pool?.connect !== 'function') fail('`pool` must be a pg.Pool');
  if (options.pglite !== undefined && typeof options.pglite?.query !== 'function') fail('`pglite` must be a PGlite instance');
  if (options.dataDir !== undefined) {
    if (typeof options.dataDir !== 'string' || options.dataDir.trim() === '') fail('`dataDir` must be a non-empty path');
    if (given.length > 0) fail(`\`dataDir\` applies only to the built-in PGlite, not with \`${given[0]}\``);
  }
  if (options.pgliteSettings !== undefined) {
    if (given.length > 0) fail(`\`pgliteSettings\` applies only to the built-in PGlite, not with \`${given[0]}\``);
    if (typeof options.pgliteSettings !== 'object' || options.pgliteSettings === null) fail('`pgliteSettings` must be an object of setting names to values');
    for (const [name, value] of Object.entries(options.pgliteSettings)) {
      if (!SETTING_NAME.test(name)) fail(`\`pgliteSettings\`: ${JSON.stringify(name)} is not a setting name`);
      if (typeof value !== 'string' || !SETTING_VALUE.test(value)) fail(`\`pgliteSettings.${name}\` must be a plain value like 16MB, got ${JSON.stringify(value)}`);
    }
  }
  if (options.schema !== undefined && (typeof options.schema !== 'string' || !SCHEMA_NAME.test(options.schema))) {
    fail('`schema` must be a lower-case identifier ([a-z_][a-z0-9_]*, at most 63 characters)');
  }
  if (options.clock !== undefined && typeof options.clock?.now !== 'function') fail('`clock` must have a now() method');
  if (options.migrate !== undefined && typeof options.migrate !== 'boolean') fail('`migrate` must be a boolean');
}
