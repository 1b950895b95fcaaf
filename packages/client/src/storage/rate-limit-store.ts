import type { RateLimitStore } from '@byte8/core';
import { sql } from 'kysely';
import { toNumber } from './sql-values.js';
import type { StoreContext } from './store-context.js';

export function check(method: string, bucket: unknown, at: unknown): void {
  if (typeof bucket !== 'string' || bucket.length === 0 || bucket.length > 128) {
    throw new TypeError(`${method}: \`bucket\` must be a string of 1 to 128 characters`);
  }
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new TypeError(`${method}: the window start must be a valid Date`);
}

/**
 * Fixed-window counters in `byte8_rate_limit`, one row per bucket holding
 * its current window: a hit in a new window resets the row. One upsert per
 * hit; concurrent hits serialise on the row, so none is lost.
 */
export class KyselyRateLimitStore implements RateLimitStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async hit(bucket: string, windowStart: Date): Promise<number> {
    check('hit', bucket, windowStart);
    const result = await sql<{ hits: unknown }>`
      INSERT INTO ${this.#context.tables.rateLimit} AS r (bucket, window_start, hits) VALUES (${bucket}, ${windowStart}::timestamptz, 1)
      ON CONFLICT (bucket) DO UPDATE SET
        hits = CASE WHEN r.window_start = excluded.window_start THEN r.hits + 1 ELSE 1 END,
        window_start = excluded.window_start
      RETURNING hits
    `.execute(this.#context.db);
    return toNumber(result.rows[0]!.hits);
  }

  async unhit(bucket: string, windowStart: Date): Promise<void> {
    check('unhit', bucket, windowStart);
    await sql`
      UPDATE ${this.#context.tables.rateLimit} SET hits = hits - 1
      WHERE bucket = ${bucket} AND window_start = ${windowStart}::timestamptz AND hits > 0
    `.execute(this.#context.db);
  }

  async purgeBefore(before: Date): Promise<number> {
    check('purgeBefore', 'all', before);
    const result = await sql`DELETE FROM ${this.#context.tables.rateLimit} WHERE window_start < ${before}::timestamptz`.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0n);
  }
}
