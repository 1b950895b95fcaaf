import { type Migration, sql } from 'kysely';
import { TABLE_NAMES } from '../../byte8-tables.js';
import { byte8MysqlTables } from '../mysql-tables.js';
import { MYSQL_TABLE_OPTIONS, mysqlDropTables } from './mysql-table-options.js';

/**
 * 0001 on MySQL: the tables of the PostgreSQL 0001, same columns. DATETIME(3)
 * holds UTC (the pool's time zone is `+00:00`) to the millisecond, as the
 * stores compare leases and windows in milliseconds. MySQL has no partial
 * indexes, so the pending indexes lead with `status` instead.
 */
export function mysqlInitialSchema(prefix: string): Migration {
  const t = byte8MysqlTables(prefix);
  return {
    async up(db) {
      await sql`CREATE TABLE ${t.outbox} (
        entity_id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        provider VARCHAR(32) NOT NULL,
        tenant_id VARCHAR(64) NULL,
        idempotency_key VARCHAR(128) NOT NULL,
        event_name VARCHAR(64) NOT NULL,
        payload LONGTEXT NOT NULL,
        entity_type VARCHAR(32) NULL,
        entity_ref BIGINT NULL,
        status VARCHAR(16) NOT NULL DEFAULT 'pending',
        attempts INT NOT NULL DEFAULT 0,
        attempts_started INT NOT NULL DEFAULT 0,
        last_status_code INT NULL,
        last_attempt_at DATETIME(3) NULL,
        next_attempt_at DATETIME(3) NULL,
        last_error TEXT NULL,
        lease_owner VARCHAR(64) NULL,
        lease_expires_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE KEY byte8_event_outbox_provider_key_uq (provider, idempotency_key),
        -- The claim scans pending rows oldest first.
        KEY byte8_event_outbox_pending_idx (status, entity_id),
        -- Per-entity FIFO and upsert coalescing look up one entity's pending rows.
        KEY byte8_event_outbox_entity_pending_idx (status, provider, entity_type, entity_ref, entity_id),
        -- Reconciliation's knows (any status) and the admin's per-entity history.
        KEY byte8_event_outbox_entity_event_idx (entity_ref, provider, event_name),
        -- GC of succeeded rows by age; inspect of dead letters newest first.
        KEY byte8_event_outbox_status_attempt_idx (status, last_attempt_at)
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);

      await sql`CREATE TABLE ${t.syncState} (
        entity_id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        entity_type VARCHAR(32) NOT NULL,
        magento_id BIGINT NOT NULL,
        provider VARCHAR(32) NOT NULL,
        sync_status VARCHAR(16) NOT NULL DEFAULT 'pending',
        provider_entity_id VARCHAR(64) NULL,
        provider_reference VARCHAR(64) NULL,
        skip_reason VARCHAR(64) NULL,
        error_code VARCHAR(64) NULL,
        last_sync_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        upsert_version INT NOT NULL DEFAULT 1,
        UNIQUE KEY byte8_entity_sync_state_entity_provider_uq (entity_type, magento_id, provider),
        KEY byte8_entity_sync_state_status_idx (entity_type, provider, sync_status)
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);

      await sql`CREATE TABLE ${t.connection} (
        provider VARCHAR(32) NOT NULL PRIMARY KEY,
        tenant_id VARCHAR(64) NULL,
        encrypted_master_key TEXT NULL,
        ledger_base_url TEXT NULL,
        pairing_code_hash VARCHAR(128) NULL,
        pairing_code_issued_at DATETIME(3) NULL,
        paired_at DATETIME(3) NULL,
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);

      await sql`CREATE TABLE ${t.entityRef} (
        id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        kind VARCHAR(32) NOT NULL,
        host_id VARCHAR(255) NOT NULL,
        UNIQUE KEY byte8_entity_ref_kind_host_uq (kind, host_id)
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);

      await sql`CREATE TABLE ${t.jti} (
        jti_sha1 CHAR(40) NOT NULL PRIMARY KEY,
        expires_at DATETIME(3) NOT NULL,
        KEY byte8_jti_expires_idx (expires_at)
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);

      await sql`CREATE TABLE ${t.watermark} (
        name VARCHAR(255) NOT NULL PRIMARY KEY,
        at DATETIME(3) NOT NULL,
        after_id BIGINT NOT NULL DEFAULT 0,
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
      ) ${MYSQL_TABLE_OPTIONS}`.execute(db);
    },
    async down(db) {
      await mysqlDropTables(db, prefix, [
        TABLE_NAMES.outbox,
        TABLE_NAMES.syncState,
        TABLE_NAMES.connection,
        TABLE_NAMES.entityRef,
        TABLE_NAMES.jti,
        TABLE_NAMES.watermark,
      ]);
    },
  };
}
