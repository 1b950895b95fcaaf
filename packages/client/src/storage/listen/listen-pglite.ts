import type { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import { OUTBOX_CHANNEL } from '../byte8-tables.js';

/**
 * Subscribes to the outbox channel of an embedded PGlite. LISTEN goes through
 * kysely rather than `pglite.listen()`: PGlite is one session, and a LISTEN
 * issued beside kysely's queue could land inside a caller's open transaction
 * (and vanish with its rollback).
 */
export function createPgliteListener(pglite: PGlite, db: Kysely<any>) {
  const subscribers = new Set<() => void>();
  let detach: (() => void) | null = null;
  let ready: Promise<void> | null = null;

  const start = async () => {
    await sql`LISTEN ${sql.raw(OUTBOX_CHANNEL)}`.execute(db);
    detach = pglite.onNotification((channel) => {
      if (channel !== OUTBOX_CHANNEL) return;
      // PGlite hands notifications over while it is still finishing the statement that sent
      // them; a subscriber that queries at once (the worker waking up) would re-enter it and
      // stall the process. Deliver on the next turn of the event loop instead.
      setImmediate(() => {
        for (const subscriber of subscribers) subscriber();
      });
    });
  };

  return async function listen(onNotify: () => void): Promise<() => Promise<void>> {
    const subscriber = () => onNotify();
    subscribers.add(subscriber);
    ready ??= start();
    try {
      await ready;
    } catch (error) {
      subscribers.delete(subscriber);
      ready = null;
      throw error;
    }
    return async () => {
      if (!subscribers.delete(subscriber) || subscribers.size > 0) return;
      const started = ready;
      ready = null;
      await started;
      detach?.();
      detach = null;
      if (!pglite.closed) await sql`UNLISTEN ${sql.raw(OUTBOX_CHANNEL)}`.execute(db);
    };
  };
}
