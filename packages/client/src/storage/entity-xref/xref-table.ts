import { type RawBuilder, sql } from 'kysely';
import { TABLE_NAMES } from '../byte8-tables.js';

/** The direct mode's cross-reference table (migration 0008). */
export const XREF_TABLE = TABLE_NAMES.entityXref;

/** Always schema-qualified when a schema is set, like the other tables (a host transaction may have its own search_path). */
export function xrefTable(schema: string | null): RawBuilder<unknown> {
  return sql.table(schema ? `${schema}.${XREF_TABLE}` : XREF_TABLE);
}
