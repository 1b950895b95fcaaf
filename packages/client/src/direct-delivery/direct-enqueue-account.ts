import type { HostTransaction } from '@byte8/core';
import { sql } from 'kysely';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { executorOf, createStoreContext } from '../storage/store-context.js';
import { systemClock } from '@byte8/core';

/**
 * The account a new row of a provider in direct mode is addressed to: the
 * chosen business, also while the connection needs a reconnect (the rows are
 * kept and wait); null when never connected or disconnected (nothing is
 * enqueued, as for an unpaired ledger provider). Reads through the host's
 * transaction when given: PGlite has one session, and a read beside an open
 * transaction would wait for it forever.
 */
export function directEnqueueAccount(storage: Pick<Byte8Storage, 'db' | 'schema'>): (provider: string, transaction?: HostTransaction) => Promise<string | null> {
  const context = createStoreContext(storage.db, storage.schema, systemClock);
  return async (provider, transaction) => {
    const result = await sql<{ status: string; business_id: string | null }>`
      SELECT status, business_id FROM ${context.tables.oauthConnection} WHERE provider = ${provider}
    `.execute(executorOf(context, transaction));
    const row = result.rows[0];
    if (!row || row.status === 'disconnected' || row.status === 'business_needed') return null;
    return row.business_id;
  };
}
