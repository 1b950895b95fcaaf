import { type InsertResult, type Kysely, MysqlAdapter } from 'kysely';

/** True when the shop's tables live in MySQL/MariaDB (`DATABASE_URL=mysql://...`), else PostgreSQL or PGlite. */
export function onMysql(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof MysqlAdapter;
}

/** An insert of one row into a table with an `id` key, as kysely builds it. */
interface OneRowInsert {
  executeTakeFirstOrThrow(): Promise<InsertResult>;
}

/** The same insert with RETURNING id (every shop table has that column). */
type ReturningId = { returning(column: 'id'): { executeTakeFirstOrThrow(): Promise<{ id: number }> } };

/**
 * Runs the insert and gives the new row's id: RETURNING id on PostgreSQL,
 * the auto-increment id on MySQL (which has no INSERT ... RETURNING).
 */
export async function insertedId(db: Kysely<any>, insert: OneRowInsert): Promise<number> {
  if (!onMysql(db)) return (await (insert as unknown as ReturningId).returning('id').executeTakeFirstOrThrow()).id;
  const result = await insert.executeTakeFirstOrThrow();
  if (result.insertId === undefined) throw new Error('the insert did not report an id');
  return Number(result.insertId);
}
