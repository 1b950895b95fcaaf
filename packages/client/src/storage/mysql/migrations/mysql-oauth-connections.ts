import { type Migration, sql } from 'kysely';
import { TABLE_NAMES } from '../../byte8-tables.js';
import { byte8MysqlTables } from '../mysql-tables.js';
import { MYSQL_TABLE_OPTIONS, mysqlDropTables } from './mysql-table-options.js';

/**
 * 0006 on MySQL: the OAuth connection of each provider in direct mode, with
 * the same checks (MySQL 8.0.16+ and MariaDB 10.2+ enforce CHECK).
 */
export function mysqlOauthConnections(prefix: string): Migration {
  const t = byte8MysqlTables(prefix);
  return {
    async up(db) {
      await sql`CREATE TABLE ${t.oauthConnection} (
        provider VARCHAR(32) NOT NULL PRIMARY KEY,
        status VARCHAR(24) NOT NULL DEFAULT 'disconnected',
        status_reason VARCHAR(500) NULL,
        business_id VARCHAR(64) NULL,
        business_name VARCHAR(255) NULL,
        granted_by VARCHAR(64) NULL,
        access_token_sealed TEXT NULL,
        access_token_expires_at DATETIME(3) NULL,
        refresh_token_sealed TEXT NULL,
        refresh_token_expires_at DATETIME(3) NULL,
        scope VARCHAR(64) NULL,
        auth_state_hash CHAR(64) NULL,
        auth_browser_hash CHAR(64) NULL,
        auth_verifier_sealed TEXT NULL,
        auth_expires_at DATETIME(3) NULL,
        connected_at DATETIME(3) NULL,
        refreshed_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        CONSTRAINT byte8_oauth_connection_status_ck
          CHECK (status IN ('connected', 'business_needed', 'reconnect_needed', 'disconnected')),
        -- A usable status always has both tokens: the store never half-writes a grant.
        CONSTRAINT byte8_oauth_connection_tokens_ck
          CHECK (status = 'disconnected' OR (access_token_sealed IS NOT NULL AND refresh_token_sealed IS NOT NULL AND access_token_expires_at IS NOT NULL))
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);
    },
    async down(db) {
      await mysqlDropTables(db, prefix, [TABLE_NAMES.oauthConnection]);
    },
  };
}
