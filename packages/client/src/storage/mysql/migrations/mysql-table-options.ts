import { type Kysely, sql } from 'kysely';

/**
 * Every MySQL table: InnoDB (row locks, SKIP LOCKED) and a binary collation,
 * so keys compare byte for byte as on PostgreSQL: `Invoice:1` and `invoice:1`
 * are two idempotency keys, not one.
 */
export const MYSQL_TABLE_OPTIONS = sql.raw('ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin');

export async function mysqlDropTables(db: Kysely<any>, prefix: string, names: readonly string[]): Promise<void> {
  for (const name of names) await sql`DROP TABLE IF EXISTS ${sql.table(`${prefix}${name}`)}`.execute(db);
}
