import { type Migration, sql } from 'kysely';
import { byte8MysqlTables } from '../mysql-tables.js';

/** 0005 on MySQL: the ledger's message with a skip or failure. */
export function mysqlSyncStateMessage(prefix: string): Migration {
  const t = byte8MysqlTables(prefix);
  return {
    async up(db) {
      await sql`ALTER TABLE ${t.syncState} ADD COLUMN message VARCHAR(500) NULL`.execute(db);
    },
    async down(db) {
      await sql`ALTER TABLE ${t.syncState} DROP COLUMN message`.execute(db);
    },
  };
}
