import { type RawBuilder, sql } from 'kysely';

/** The direct mode's cross-reference table (migration 0008). */
export const XREF_TABLE = 'byte8_entity_xref';

/** Always schema-qualified when a schema is set, like the other tables (a host transaction may have its own search_path). */
export function xrefTable(schema: string | null): RawBuilder<unknown> {
  return sql.table(schema ? `${schema}.${XREF_TABLE}` : XREF_TABLE);
}
