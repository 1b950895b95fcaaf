import type { ActivityFigures, ActivityHour, ActivityStore } from '@byte8/core';
import { sql } from 'kysely';
import { checkWindow } from '../activity-store.js';
import { toDateOrNull, toNumber } from '../sql-values.js';
import type { StoreContext } from '../store-context.js';

const HOUR_MS = 3_600_000;
const HOURS = 24;

/** The admin dashboard's figures on MySQL; the same aggregates as activity-store.ts. */
export class MysqlActivityStore implements ActivityStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async figures(provider: string, window: { readonly now: Date; readonly since: Date }): Promise<ActivityFigures> {
    checkWindow(provider, window);
    const { db, tables } = this.#context;
    const now = window.now;
    // Whole hours, so a bar covers 10:00-11:00 rather than 10:17-11:17.
    const firstHour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (HOURS - 1) * HOUR_MS);
    const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
    const totals = await sql<Record<string, unknown>>`
      SELECT
        (SELECT count(*) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'succeeded'
           AND last_attempt_at >= ${window.since}) AS delivered_since,
        (SELECT count(*) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'pending') AS pending,
        (SELECT min(created_at) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'pending') AS oldest_pending_at,
        (SELECT max(last_attempt_at) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'succeeded') AS last_delivered_at,
        (SELECT count(*) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'dead_lettered'
           AND last_attempt_at >= ${dayAgo}) AS refused,
        (SELECT count(*) FROM ${tables.syncState} WHERE provider = ${provider} AND sync_status = 'failed'
           AND last_sync_at >= ${dayAgo}) AS failed_at_ledger
    `.execute(db);
    const hourly = await sql<{ hour: unknown; delivered: unknown; failed: unknown }>`
      SELECT FLOOR(TIMESTAMPDIFF(MICROSECOND, ${firstHour}, at) / 3600000000) AS hour,
        SUM(kind = 'delivered') AS delivered, SUM(kind = 'failed') AS failed
      FROM (
        SELECT last_attempt_at AS at, CASE status WHEN 'succeeded' THEN 'delivered' ELSE 'failed' END AS kind
        FROM ${tables.outbox}
        WHERE provider = ${provider} AND status IN ('succeeded', 'dead_lettered') AND last_attempt_at >= ${firstHour}
        UNION ALL
        SELECT last_sync_at, 'failed' FROM ${tables.syncState}
        WHERE provider = ${provider} AND sync_status = 'failed' AND last_sync_at >= ${firstHour}
      ) events
      WHERE at <= ${now}
      GROUP BY 1
    `.execute(db);
    const byHour = new Map(hourly.rows.map((row) => [toNumber(row.hour), row]));
    const hours: ActivityHour[] = Array.from({ length: HOURS }, (_, index) => {
      const row = byHour.get(index);
      return {
        hourStart: new Date(firstHour.getTime() + index * HOUR_MS),
        delivered: row ? toNumber(row.delivered) : 0,
        failed: row ? toNumber(row.failed) : 0,
      };
    });
    const row = totals.rows[0]!;
    return {
      deliveredSince: toNumber(row.delivered_since),
      pending: toNumber(row.pending),
      failedAtLedger24h: toNumber(row.failed_at_ledger),
      refused24h: toNumber(row.refused),
      oldestPendingAt: toDateOrNull(row.oldest_pending_at),
      lastDeliveredAt: toDateOrNull(row.last_delivered_at),
      hours,
    };
  }
}
