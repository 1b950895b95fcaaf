import type { ReplayGuard } from '@byte8/core';
import { sql } from 'kysely';
import { rememberedJtiHash } from '../replay-guard.js';
import type { StoreContext } from '../store-context.js';

const ER_DUP_ENTRY = 1062;

/** Inbound `jti` memory in `byte8_jti` on MySQL; stores sha1(jti), never the jti. */
export class MysqlReplayGuard implements ReplayGuard {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async remember(jti: string, expiresAt: Date): Promise<boolean> {
    const hash = rememberedJtiHash(jti, expiresAt);
    const { db, tables, clock } = this.#context;
    // A plain INSERT first: of two racing first uses the second waits on the key, then fails as a duplicate.
    try {
      await sql`INSERT INTO ${tables.jti} (jti_sha1, expires_at) VALUES (${hash}, ${expiresAt})`.execute(db);
      return true;
    } catch (error) {
      if ((error as { errno?: number }).errno !== ER_DUP_ENTRY) throw error;
    }
    // An expired entry is reclaimed; a live one matches nothing (a replay). The UPDATE re-reads the
    // row under its lock, so two racing reclaims cannot both match.
    const result = await sql`
      UPDATE ${tables.jti} SET expires_at = ${expiresAt} WHERE jti_sha1 = ${hash} AND expires_at <= ${clock.now()}
    `.execute(db);
    return Number(result.numAffectedRows ?? 0n) === 1;
  }

  async purgeExpired(now: Date): Promise<number> {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TypeError('purgeExpired: `now` must be a valid Date');
    const result = await sql`DELETE FROM ${this.#context.tables.jti} WHERE expires_at <= ${now}`.execute(this.#context.db);
    return Number(result.numAffectedRows ?? 0n);
  }
}
