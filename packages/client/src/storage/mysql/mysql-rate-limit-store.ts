import type { RateLimitStore } from '@byte8/core';
import { sql } from 'kysely';
import { check } from '../rate-limit-store.js';
import { toNumber } from '../sql-values.js';
import type { StoreContext } from '../store-context.js';

/** Fixed-window counters in `byte8_rate_limit` on MySQL; the same rules as rate-limit-store.ts. */
export class MysqlRateLimitStore implements RateLimitStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async hit(bucket: string, windowStart: Date): Promise<number> {
    check('hit', bucket, windowStart);
    const table = this.#context.tables.rateLimit;
    // No RETURNING: the count is read back in the transaction that still holds the row.
    return this.#context.db.transaction().execute(async (trx) => {
      // hits is assigned before window_start, so it compares against the stored window.
      await sql`
        INSERT INTO ${table} (bucket, window_start, hits) VALUES (${bucket}, ${windowStart}, 1)
        ON DUPLICATE KEY UPDATE
          hits = IF(window_start = VALUES(window_start), hits + 1, 1),
          window_start = VALUES(window_start)
      `.execute(trx);
      const result = await sql<{ hits: unknown }>`SELECT hits FROM ${table} WHERE bucket = ${bucket}`.execute(trx);
      return toNumber(result.rows[0]!.hits);
    });
  }

  async unhit(bucket: string, windowStart: Date): Promise<void> {
    check('unhit', bucket, windowStart);
    await sql`
      UPDATE ${this.#context.tables.rateLimit} SET hits = hits - 1
      WHERE bucket = ${bucket} AND window_start = ${windowStart} AND hits > 0
    `.execute(this.#context.db);
  }

  async purgeBefore(before: Date): Promise<number> {
    check('purgeBefore', 'all', before);
    const result = await sql`DELETE FROM ${this.#context.tables.rateLimit} WHERE window_start < ${before}`.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0n);
  }
}
