import { type Kysely, type Migration, sql } from 'kysely';
import { OUTBOX_CHANNEL, TABLE_NAMES, byte8Tables } from '../byte8-tables.js';

/**
 * 0001: every table of design §7. Timestamps are timestamptz; column names
 * follow the wire contract (§6.4, §9.1) where it has them.
 */
export function initialSchema(schema: string | null): Migration {
  const t = byte8Tables(schema);
  const notifyFunction = sql.id(...(schema ? [schema, 'byte8_outbox_notify'] : ['byte8_outbox_notify']));
  const builder = (db: Kysely<any>) => (schema ? db.schema.withSchema(schema) : db.schema);

  return {
    async up(db) {
      const s = builder(db);
      await s
        .createTable(TABLE_NAMES.outbox)
        .addColumn('entity_id', 'bigserial', (c) => c.primaryKey())
        .addColumn('provider', 'varchar(32)', (c) => c.notNull())
        .addColumn('tenant_id', 'varchar(64)')
        .addColumn('idempotency_key', 'varchar(128)', (c) => c.notNull())
        .addColumn('event_name', 'varchar(64)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'varchar(32)')
        .addColumn('entity_ref', 'bigint')
        .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('attempts_started', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_status_code', 'integer')
        .addColumn('last_attempt_at', 'timestamptz')
        .addColumn('next_attempt_at', 'timestamptz')
        .addColumn('last_error', 'text')
        .addColumn('lease_owner', 'varchar(64)')
        .addColumn('lease_expires_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('byte8_event_outbox_provider_key_uq', ['provider', 'idempotency_key'])
        .execute();
      // Claim scans pending rows oldest first; the partial index stays small however many rows succeeded.
      await s
        .createIndex('byte8_event_outbox_pending_idx')
        .on(TABLE_NAMES.outbox)
        .column('entity_id')
        .where(sql.ref('status'), '=', 'pending')
        .execute();
      // Per-entity FIFO and upsert coalescing look up one entity's pending rows.
      await s
        .createIndex('byte8_event_outbox_entity_pending_idx')
        .on(TABLE_NAMES.outbox)
        .columns(['provider', 'entity_type', 'entity_ref', 'entity_id'])
        .where(sql.ref('status'), '=', 'pending')
        .execute();
      // Reconciliation's `knows` (any status) and the admin's per-entity history.
      await s
        .createIndex('byte8_event_outbox_entity_event_idx')
        .on(TABLE_NAMES.outbox)
        .columns(['entity_ref', 'provider', 'event_name'])
        .execute();
      // GC of succeeded rows by age; inspect of dead letters newest first.
      await s
        .createIndex('byte8_event_outbox_status_attempt_idx')
        .on(TABLE_NAMES.outbox)
        .columns(['status', 'last_attempt_at'])
        .execute();
      await sql`CREATE FUNCTION ${notifyFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify(${sql.lit(OUTBOX_CHANNEL)}, ''); RETURN NULL; END $$`.execute(db);
      // Statement level: one NOTIFY per enqueue, delivered when the enqueuing transaction commits.
      await sql`CREATE TRIGGER byte8_event_outbox_notify AFTER INSERT ON ${t.outbox}
        FOR EACH STATEMENT EXECUTE FUNCTION ${notifyFunction}()`.execute(db);

      await s
        .createTable(TABLE_NAMES.syncState)
        .addColumn('entity_id', 'bigserial', (c) => c.primaryKey())
        .addColumn('entity_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('magento_id', 'bigint', (c) => c.notNull())
        .addColumn('provider', 'varchar(32)', (c) => c.notNull())
        .addColumn('sync_status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
        .addColumn('provider_entity_id', 'varchar(64)')
        .addColumn('provider_reference', 'varchar(64)')
        .addColumn('skip_reason', 'varchar(64)')
        .addColumn('error_code', 'varchar(64)')
        .addColumn('last_sync_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        // Last version handed to a versioned upsert key (`{key}:v{n}`); 1 = the plain key.
        .addColumn('upsert_version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('byte8_entity_sync_state_entity_provider_uq', ['entity_type', 'magento_id', 'provider'])
        .execute();
      // Status filter of the admin lists. last_sync_at is left unindexed on purpose:
      // markPending only moves it, and an unindexed column keeps that update HOT.
      await s
        .createIndex('byte8_entity_sync_state_status_idx')
        .on(TABLE_NAMES.syncState)
        .columns(['entity_type', 'provider', 'sync_status'])
        .execute();

      await s
        .createTable(TABLE_NAMES.connection)
        .addColumn('provider', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('tenant_id', 'varchar(64)')
        .addColumn('encrypted_master_key', 'text')
        .addColumn('ledger_base_url', 'text')
        .addColumn('pairing_code_hash', 'varchar(128)')
        .addColumn('pairing_code_issued_at', 'timestamptz')
        .addColumn('paired_at', 'timestamptz')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();

      await s
        .createTable(TABLE_NAMES.entityRef)
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('host_id', 'varchar(255)', (c) => c.notNull())
        .addUniqueConstraint('byte8_entity_ref_kind_host_uq', ['kind', 'host_id'])
        .execute();

      await s
        .createTable(TABLE_NAMES.jti)
        .addColumn('jti_sha1', 'char(40)', (c) => c.primaryKey())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await s.createIndex('byte8_jti_expires_idx').on(TABLE_NAMES.jti).column('expires_at').execute();

      await s
        .createTable(TABLE_NAMES.watermark)
        .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('after_id', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },

    async down(db) {
      const s = builder(db);
      for (const name of Object.values(TABLE_NAMES)) await s.dropTable(name).ifExists().execute();
      await sql`DROP FUNCTION IF EXISTS ${notifyFunction}()`.execute(db);
    },
  };
}
