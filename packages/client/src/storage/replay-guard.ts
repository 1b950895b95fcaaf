import { createHash } from 'node:crypto';
import type { ReplayGuard } from '@byte8/core';
import { sql } from 'kysely';
import type { StoreContext } from './store-context.js';

/** Checks `remember`'s arguments and returns what is stored of the jti: its sha1, never the jti itself. */
export function rememberedJtiHash(jti: unknown, expiresAt: unknown): string {
  if (typeof jti !== 'string' || jti.length === 0) throw new TypeError('remember: `jti` must be a non-empty string');
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) throw new TypeError('remember: `expiresAt` must be a valid Date');
  return createHash('sha1').update(jti, 'utf8').digest('hex');
}

/**
 * Inbound `jti` memory in `byte8_jti`, shared by every instance on the
 * database (wire-contract §3.3.2 step 7). Stores sha1(jti), never the jti.
 */
export class KyselyReplayGuard implements ReplayGuard {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async remember(jti: string, expiresAt: Date): Promise<boolean> {
    const hash = rememberedJtiHash(jti, expiresAt);
    // The conditional DO UPDATE reclaims an expired entry; a live one returns no row (a replay).
    // Two racing first uses serialise on the key: the second sees the first's live row.
    const result = await sql`
      INSERT INTO ${this.#context.tables.jti} AS j (jti_sha1, expires_at) VALUES (${hash}, ${expiresAt}::timestamptz)
      ON CONFLICT (jti_sha1) DO UPDATE SET expires_at = excluded.expires_at
      WHERE j.expires_at <= ${this.#context.clock.now()}::timestamptz
      RETURNING 1
    `.execute(this.#context.db);
    return result.rows.length === 1;
  }

  async purgeExpired(now: Date): Promise<number> {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('purgeExpired: `now` must be a valid Date');
    const result = await sql`
      DELETE FROM ${this.#context.tables.jti} WHERE expires_at <= ${now}::timestamptz
    `.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0n);
  }
}
