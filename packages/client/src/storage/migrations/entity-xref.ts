import { type Kysely, type Migration, sql } from 'kysely';
import { XREF_TABLE } from '../entity-xref/xref-table.js';

/**
 * 0008: what each host entity became at the provider in direct mode (the
 * ledger's `entity_xref`): one row per provider, provider account (Sage
 * business), kind and host key. `provider_id` is null while a create was
 * sent and its answer not yet stored (`attempted_at` says when), so a retry
 * looks the object up at the provider before creating it again.
 */
export function entityXref(schema: string | null): Migration {
  const builder = (db: Kysely<any>) => (schema ? db.schema.withSchema(schema) : db.schema);
  return {
    async up(db) {
      await builder(db)
        .createTable(XREF_TABLE)
        .addColumn('provider', 'varchar(32)', (c) => c.notNull())
        .addColumn('account_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('host_key', 'varchar(128)', (c) => c.notNull())
        .addColumn('provider_id', 'varchar(64)')
        .addColumn('reference', 'varchar(64)')
        .addColumn('family', 'varchar(32)')
        .addColumn('contact_id', 'varchar(64)')
        .addColumn('attempted_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('byte8_entity_xref_pk', ['provider', 'account_id', 'kind', 'host_key'])
        .execute();
      // Reverse look-ups (which host entity is this Sage object?) for operators and the admin.
      await builder(db)
        .createIndex('byte8_entity_xref_provider_id_idx')
        .on(XREF_TABLE)
        .columns(['provider', 'account_id', 'provider_id'])
        .execute();
    },
    async down(db) {
      await builder(db).dropTable(XREF_TABLE).ifExists().execute();
    },
  };
}
