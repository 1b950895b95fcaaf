import { type Migration, sql } from 'kysely';
import { TABLE_NAMES } from '../../byte8-tables.js';
import { byte8MysqlTables } from '../mysql-tables.js';
import { MYSQL_TABLE_OPTIONS, mysqlDropTables } from './mysql-table-options.js';

/** 0003 on MySQL: `byte8_rate_limit`, the pairing rate limits' shared counters. */
export function mysqlRateLimits(prefix: string): Migration {
  const t = byte8MysqlTables(prefix);
  return {
    async up(db) {
      await sql`CREATE TABLE ${t.rateLimit} (
        bucket VARCHAR(128) NOT NULL PRIMARY KEY,
        window_start DATETIME(3) NOT NULL,
        hits INT NOT NULL,
        KEY byte8_rate_limit_window_idx (window_start)
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);
    },
    async down(db) {
      await mysqlDropTables(db, prefix, [TABLE_NAMES.rateLimit]);
    },
  };
}
