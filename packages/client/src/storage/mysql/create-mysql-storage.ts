import type { Clock } from '@byte8/core';
import { CompiledQuery, Kysely, MysqlDialect } from 'kysely';
import mysql from 'mysql2';
import type { Byte8Storage } from '../byte8-storage.js';
import { MysqlActivityStore } from './mysql-activity-store.js';
import { MysqlConnectionStore } from './mysql-connection-store.js';
import { MysqlEntityXrefStore } from './entity-xref/mysql-entity-xref-store.js';
import { MysqlEntityRefStore } from './mysql-entity-ref-store.js';
import { MysqlRateLimitStore } from './mysql-rate-limit-store.js';
import { MysqlReplayGuard } from './mysql-replay-guard.js';
import { MysqlSyncStateStore } from './mysql-sync-state-store.js';
import { byte8MysqlTables } from './mysql-tables.js';
import { MysqlWatermarkStore } from './mysql-watermark-store.js';
import { runMysqlMigrations } from './migrations/run-mysql-migrations.js';
import { MysqlOAuthConnectionStore } from './oauth-connection/mysql-oauth-connection-store.js';
import { MysqlOutboxStore } from './outbox/mysql-outbox-store.js';

export interface MysqlStorageSettings {
  readonly databaseUrl: string;
  readonly tablePrefix: string;
  readonly clock: Clock;
}

/**
 * The connector's storage on MySQL 8.0.1+ / MariaDB 10.6+ over a mysql2
 * pool of its own. Every session runs in UTC (`timezone: 'Z'` for the
 * values mysql2 sends and reads, `time_zone = '+00:00'` for the server's
 * own defaults), so DATETIME(3) columns hold the same instants as
 * PostgreSQL's timestamptz.
 */
export function openMysqlStorage(settings: MysqlStorageSettings): Byte8Storage {
  const pool = mysql.createPool({
    uri: settings.databaseUrl,
    timezone: 'Z',
    dateStrings: false,
    // BIGINT ids and counts come back as numbers while they are safe integers.
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectionLimit: 10,
  });
  const dialect = new MysqlDialect({
    pool,
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw("SET time_zone = '+00:00'"));
    },
  });
  const db = new Kysely<any>({ dialect });
  const context = { db, tables: byte8MysqlTables(settings.tablePrefix), clock: settings.clock };
  return {
    dialect: 'mysql',
    db,
    schema: null,
    tablePrefix: settings.tablePrefix,
    outbox: new MysqlOutboxStore(context),
    syncState: new MysqlSyncStateStore(context),
    activity: new MysqlActivityStore(context),
    connections: new MysqlConnectionStore(context),
    entityRefs: new MysqlEntityRefStore(context),
    replayGuard: new MysqlReplayGuard(context),
    rateLimits: new MysqlRateLimitStore(context),
    oauthConnections: new MysqlOAuthConnectionStore(context),
    entityXrefs: new MysqlEntityXrefStore(context, settings.tablePrefix),
    watermarks: new MysqlWatermarkStore(context),
    migrate: () => runMysqlMigrations(db, settings.tablePrefix),
    // No LISTEN/NOTIFY on MySQL: nothing wakes the worker early, it polls (see `byte8 worker`'s follow-up interval).
    listen: async () => async () => {},
    close: () => db.destroy(),
  };
}
