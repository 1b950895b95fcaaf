import type { Kysely, Migration } from 'kysely';
import { TABLE_NAMES } from '../byte8-tables.js';

/**
 * 0005: the ledger's words with a skip or failure. The callback's codes
 * (`skip_reason`, `error_code`) say which class of problem; an optional
 * `message` in the same callback says what exactly, and the admin shows it.
 */
export function syncStateMessage(schema: string | null): Migration {
  const builder = (db: Kysely<any>) => (schema ? db.schema.withSchema(schema) : db.schema);
  return {
    async up(db) {
      await builder(db).alterTable(TABLE_NAMES.syncState).addColumn('message', 'varchar(500)').execute();
    },
    async down(db) {
      await builder(db).alterTable(TABLE_NAMES.syncState).dropColumn('message').execute();
    },
  };
}
