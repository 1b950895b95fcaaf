import type { ActivityFigures, ActivityHour, ActivityStore } from '@byte8/core';
import { sql } from 'kysely';
import { toDateOrNull, toNumber } from './sql-values.js';
import type { StoreContext } from './store-context.js';

const HOUR_MS = 3_600_000;
const HOURS = 24;

export function checkWindow(provider: unknown, window: { readonly now: Date; readonly since: Date }): void {
  if (typeof provider !== 'string' || provider.length === 0 || provider.length > 32) {
    throw new TypeError('figures: `provider` must be a string of 1 to 32 characters');
  }
  for (const [name, value] of Object.entries(window)) {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`figures: \`${name}\` must be a valid Date`);
  }
}

/**
 * The admin dashboard's figures over kysely: a few aggregates on indexed
 * columns (`status, last_attempt_at` of the outbox; `entity_type, provider,
 * sync_status` of the mirror), cheap enough for every page view.
 */
export class KyselyActivityStore implements ActivityStore {
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
           AND last_attempt_at >= ${window.since}::timestamptz) AS delivered_since,
        (SELECT count(*) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'pending') AS pending,
        (SELECT min(created_at) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'pending') AS oldest_pending_at,
        (SELECT max(last_attempt_at) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'succeeded') AS last_delivered_at,
        (SELECT count(*) FROM ${tables.outbox} WHERE provider = ${provider} AND status = 'dead_lettered'
           AND last_attempt_at >= ${dayAgo}::timestamptz) AS refused,
        (SELECT count(*) FROM ${tables.syncState} WHERE provider = ${provider} AND sync_status = 'failed'
           AND last_sync_at >= ${dayAgo}::timestamptz) AS failed_at_ledger
    `.execute(db);
    const hourly = await sql<{ hour: unknown; delivered: unknown; failed: unknown }>`
      SELECT floor(extract(epoch FROM (at - ${firstHour}::timestamptz)) / 3600)::int AS hour,
        count(*) FILTER (WHERE kind = 'delivered') AS delivered, count(*) FILTER (WHERE kind = 'failed') AS failed
      FROM (
        SELECT last_attempt_at AS at, CASE status WHEN 'succeeded' THEN 'delivered' ELSE 'failed' END AS kind
        FROM ${tables.outbox}
        WHERE provider = ${provider} AND status IN ('succeeded', 'dead_lettered') AND last_attempt_at >= ${firstHour}::timestamptz
        UNION ALL
        SELECT last_sync_at, 'failed' FROM ${tables.syncState}
        WHERE provider = ${provider} AND sync_status = 'failed' AND last_sync_at >= ${firstHour}::timestamptz
      ) events
      WHERE at <= ${now}::timestamptz
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
