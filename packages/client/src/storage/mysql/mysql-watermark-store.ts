import { sql } from 'kysely';
import { toDate, toNumber } from '../sql-values.js';
import type { StoreContext } from '../store-context.js';
import { type WatermarkPosition, type WatermarkStore, checkName, checkPosition } from '../watermark-store.js';

/** Named change-feed positions (`byte8_watermark`) on MySQL. */
export class MysqlWatermarkStore implements WatermarkStore {
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
      VALUES (${name}, ${position.at}, ${position.afterId}, ${this.#context.clock.now()})
      ON DUPLICATE KEY UPDATE at = VALUES(at), after_id = VALUES(after_id), updated_at = VALUES(updated_at)
    `.execute(this.#context.db);
  }
}
