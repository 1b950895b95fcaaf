import { type Migration, sql } from 'kysely';
import { XREF_TABLE } from '../../entity-xref/xref-table.js';
import { mysqlXrefTable } from '../entity-xref/mysql-xref-table.js';
import { MYSQL_TABLE_OPTIONS, mysqlDropTables } from './mysql-table-options.js';

/**
 * 0008 on MySQL: what each host entity became at the provider in direct
 * mode, the same columns and keys as the PostgreSQL 0008 (MySQL names every
 * primary key PRIMARY). `provider_id` is null while a create was sent and
 * its answer not yet stored (`attempted_at` says when, to the millisecond,
 * as the claim compares marks exactly).
 */
export function mysqlEntityXref(prefix: string): Migration {
  const table = mysqlXrefTable(prefix);
  return {
    async up(db) {
      await sql`CREATE TABLE ${table} (
        provider VARCHAR(32) NOT NULL,
        account_id VARCHAR(64) NOT NULL,
        kind VARCHAR(32) NOT NULL,
        host_key VARCHAR(128) NOT NULL,
        provider_id VARCHAR(64) NULL,
        reference VARCHAR(64) NULL,
        family VARCHAR(32) NULL,
        contact_id VARCHAR(64) NULL,
        attempted_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (provider, account_id, kind, host_key),
        -- Reverse look-ups (which host entity is this Sage object?) for operators and the admin.
        KEY byte8_entity_xref_provider_id_idx (provider, account_id, provider_id)
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);
    },
    async down(db) {
      await mysqlDropTables(db, prefix, [XREF_TABLE]);
    },
  };
}
