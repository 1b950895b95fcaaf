import { sql } from 'kysely';
import { toDate, toNumber } from './sql-values.js';
import type { StoreContext } from './store-context.js';

/** A position in a host's change feed: the last `(changedAt, id)` handled. */
export interface WatermarkPosition {
  readonly at: Date;
  readonly afterId: number;
}

/** Named positions for reconciliation and backfill (`byte8_watermark`). */
export interface WatermarkStore {
  get(name: string): Promise<WatermarkPosition | null>;
  set(name: string, position: WatermarkPosition): Promise<void>;
}

export function checkName(method: string, name: unknown): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) {
    throw new TypeError(`${method}: \`name\` must be a string of 1 to 255 characters`);
  }
}

/** A position `set` stores: a valid date and a non-negative id. */
export function checkPosition(position: WatermarkPosition): void {
  if (!(position?.at instanceof Date) || Number.isNaN(position.at.getTime())) throw new TypeError('set: `at` must be a valid Date');
  if (!Number.isSafeInteger(position.afterId) || position.afterId < 0) throw new TypeError('set: `afterId` must be a non-negative integer');
}

/** `WatermarkStore` over kysely. */
export class KyselyWatermarkStore implements WatermarkStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async get(name: string): Promise<WatermarkPosition | null> {
    checkName('get', name);
    const result = await sql<{ at: unknown; after_id: unknown }>`
      SELECT at, after_id FROM ${this.#context.tables.watermark} WHERE name = ${name}
    `.execute(this.#context.db);
    const row = result.rows[0];
    return row ? { at: toDate(row.at), afterId: toNumber(row.after_id) } : null;
  }

  async set(name: string, position: WatermarkPosition): Promise<void> {
    checkName('set', name);
    checkPosition(position);
    await sql`
      INSERT INTO ${this.#context.tables.watermark} (name, at, after_id, updated_at)
      VALUES (${name}, ${position.at}::timestamptz, ${position.afterId}, ${this.#context.clock.now()}::timestamptz)
      ON CONFLICT (name) DO UPDATE SET at = excluded.at, after_id = excluded.after_id, updated_at = excluded.updated_at
    `.execute(this.#context.db);
  }
}
