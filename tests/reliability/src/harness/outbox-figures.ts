import type { Byte8Storage } from '@byte8/client';
import { sql } from 'kysely';

/** What the outbox says about a run. */
export interface OutboxFigures {
  readonly total: number;
  readonly succeeded: number;
  readonly pending: number;
  readonly deadLettered: number;
  /** Finished attempts, summed over rows. */
  readonly attempts: number;
  readonly maxAttempts: number;
  /** Claims, summed over rows (a claim lost to a crash counts here but not in `attempts`). */
  readonly attemptsStarted: number;
  readonly maxAttemptsStarted: number;
  /** Pending rows under a live lease: claimed by a worker and not yet finished (after a SIGKILL, the ones it held). */
  readonly leased: number;
}

/** Portable SQL (CASE rather than FILTER): the same figures on PostgreSQL and MySQL. */
export async function outboxFigures(storage: Byte8Storage): Promise<OutboxFigures> {
  const { rows } = await sql<{
    total: string;
    succeeded: string | null;
    pending: string | null;
    dead: string | null;
    attempts: string | null;
    max_attempts: number | null;
    started: string | null;
    max_started: number | null;
    leased: string;
  }>`
    SELECT count(*) AS total,
      sum(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) AS succeeded,
      sum(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
      sum(CASE WHEN status = 'dead_lettered' THEN 1 ELSE 0 END) AS dead,
      sum(attempts) AS attempts, max(attempts) AS max_attempts,
      sum(attempts_started) AS started, max(attempts_started) AS max_started,
      count(*) FILTER (WHERE status = 'pending' AND lease_owner IS NOT NULL AND lease_expires_at > now()) AS leased
    FROM byte8_event_outbox
  `.execute(storage.db);
  const r = rows[0]!;
  return {
    total: Number(r.total),
    succeeded: Number(r.succeeded ?? 0),
    pending: Number(r.pending ?? 0),
    deadLettered: Number(r.dead ?? 0),
    attempts: Number(r.attempts ?? 0),
    maxAttempts: Number(r.max_attempts ?? 0),
    attemptsStarted: Number(r.started ?? 0),
    maxAttemptsStarted: Number(r.max_started ?? 0),
    leased: Number(r.leased),
  };
}

/** The idempotency keys in the outbox. */
export async function outboxKeys(storage: Byte8Storage): Promise<string[]> {
  const { rows } = await sql<{ idempotency_key: string }>`SELECT idempotency_key FROM byte8_event_outbox`.execute(storage.db);
  return rows.map((r) => r.idempotency_key);
}

/** Polls until `done(figures)` or the deadline; returns the last figures. */
export async function waitForOutbox(
  storage: Byte8Storage,
  done: (f: OutboxFigures) => boolean,
  timeoutMs: number,
  onTick?: (f: OutboxFigures) => void,
): Promise<OutboxFigures> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const figures = await outboxFigures(storage);
    onTick?.(figures);
    if (done(figures) || Date.now() > deadline) return figures;
    await new Promise((r) => setTimeout(r, 200));
  }
}
