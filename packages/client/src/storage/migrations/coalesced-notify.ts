import { type Migration, sql } from 'kysely';
import { OUTBOX_CHANNEL } from '../byte8-tables.js';

/**
 * Advisory-lock key pair of the notifying enqueue. The first number is
 * `hashtext('byte8_outbox_notify')`, fixed here so a host's own advisory locks
 * (usually single-key, or keyed by table oids) do not meet it by accident.
 */
export const NOTIFY_LOCK_KEYS = [1_596_703_576, 1] as const;

/**
 * 0002: one notifying enqueue at a time. PostgreSQL serialises the commits of
 * every transaction that sent a NOTIFY (a database-wide lock held through
 * the commit's WAL flush), so a NOTIFY per enqueue capped concurrent enqueues
 * near the disk's flush rate: 16 clients committed 2.7x slower with the
 * trigger than without (pgbench, same run). Now an enqueue notifies only if
 * no other notifying transaction is in flight; one that skips is picked up by
 * the wake that transaction causes, by the worker's follow-up pass after any
 * pass that found work, or at the latest by its next poll.
 */
export function coalescedNotify(schema: string | null): Migration {
  const notifyFunction = sql.id(...(schema ? [schema, 'byte8_outbox_notify'] : ['byte8_outbox_notify']));
  const [classKey, objectKey] = NOTIFY_LOCK_KEYS;
  return {
    async up(db) {
      await sql`CREATE OR REPLACE FUNCTION ${notifyFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF pg_try_advisory_xact_lock(${sql.lit(classKey)}, ${sql.lit(objectKey)}) THEN
            PERFORM pg_notify(${sql.lit(OUTBOX_CHANNEL)}, '');
          END IF;
          RETURN NULL;
        END $$`.execute(db);
    },
    async down(db) {
      await sql`CREATE OR REPLACE FUNCTION ${notifyFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify(${sql.lit(OUTBOX_CHANNEL)}, ''); RETURN NULL; END $$`.execute(db);
    },
  };
}
