import { type RawBuilder, sql } from 'kysely';
import { XREF_TABLE } from '../../entity-xref/xref-table.js';

/** The direct mode's cross-reference table (migration 0008) on MySQL, behind the table prefix. */
export function mysqlXrefTable(prefix: string): RawBuilder<unknown> {
  return sql.table(`${prefix}${XREF_TABLE}`);
}
