import type { Kysely, Migration } from 'kysely';
import { TABLE_NAMES } from '../byte8-tables.js';

/**
 * 0003: `byte8_rate_limit`, the pairing rate limits' counters, so every
 * instance of the host counts against one budget (per-process counters
 * multiplied it by the number of instances).
 */
export function rateLimits(schema: string | null): Migration {
  const builder = (db: Kysely<any>) => (schema ? db.schema.withSchema(schema) : db.schema);
  return {
    async up(db) {
      await builder(db)
        .createTable(TABLE_NAMES.rateLimit)
        .addColumn('bucket', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('window_start', 'timestamptz', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .execute();
      await builder(db).createIndex('byte8_rate_limit_window_idx').on(TABLE_NAMES.rateLimit).column('window_start').execute();
    },
    async down(db) {
      await builder(db).dropTable(TABLE_NAMES.rateLimit).ifExists().execute();
    },
  };
}
