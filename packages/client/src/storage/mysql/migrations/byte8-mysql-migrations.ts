import type { Migration, MigrationProvider } from 'kysely';
import { mysqlEntityXref } from './mysql-entity-xref.js';
import { mysqlInitialSchema } from './mysql-initial-schema.js';
import { mysqlOauthConnections } from './mysql-oauth-connections.js';
import { mysqlRateLimits } from './mysql-rate-limits.js';
import { mysqlSyncStateMessage } from './mysql-sync-state-message.js';

/** A migration with nothing to do on MySQL; it keeps the number so both lists read the same. */
export const nothingOnMysql: Migration = { up: async () => {}, down: async () => {} };

/**
 * The connector's migrations on MySQL: the same names as the PostgreSQL list
 * (migrations/byte8-migrations.ts), each expressed for MySQL in its own file.
 * A new PostgreSQL migration gets its MySQL twin here under the same name
 * (or `nothingOnMysql` when it only concerns PostgreSQL). Never rename or
 * edit one that has shipped.
 */
export function byte8MysqlMigrations(prefix: string): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001_initial': mysqlInitialSchema(prefix),
    // The NOTIFY trigger of PostgreSQL: MySQL has no LISTEN/NOTIFY, its worker polls.
    '0002_coalesced_notify': nothingOnMysql,
    '0003_rate_limits': mysqlRateLimits(prefix),
    '0005_sync_state_message': mysqlSyncStateMessage(prefix),
    '0006_oauth_connections': mysqlOauthConnections(prefix),
    // PostgreSQL's outbox fillfactor leaves room on each page for heap-only updates of a claim. InnoDB has
    // no such setting (it updates clustered rows in place and keeps its own free space per page), so nothing to do.
    '0007_outbox_fillfactor': nothingOnMysql,
    '0008_entity_xref': mysqlEntityXref(prefix),
  };
  return { getMigrations: async () => migrations };
}
