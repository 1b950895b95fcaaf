import type { Byte8Storage } from '@byte8/client';
import { TABLE_NAMES } from '@byte8/client';
import { sql } from 'kysely';

export type TableName = (typeof TABLE_NAMES)[keyof typeof TABLE_NAMES];

/** An md5 of every row of every `byte8_` table: any insert, update or delete changes it. */
export async function tableFingerprints(storage: Byte8Storage): Promise<Record<TableName, string>> {
  const names = Object.values(TABLE_NAMES);
  const selects = names.map((name) => sql`SELECT ${name} AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${sql.table(name)} x`);
  const { rows } = await sql<{ t: TableName; h: string }>`${sql.join(selects, sql` UNION ALL `)}`.execute(storage.db);
  return Object.fromEntries(rows.map((r) => [r.t, r.h])) as Record<TableName, string>;
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<TableName, string>, after: Record<TableName, string>): TableName[] {
  return (Object.keys(before) as TableName[]).filter((t) => before[t] !== after[t]);
}
