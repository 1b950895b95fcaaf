import type { HostTransaction } from '@byte8/core';
import { sql } from 'kysely';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { byte8Tables } from '../storage/byte8-tables.js';
import { mysqlExecutorOf } from '../storage/mysql/mysql-executor.js';
import { byte8MysqlTables } from '../storage/mysql/mysql-tables.js';
import { executorOf, type StoreContext } from '../storage/store-context.js';
import { systemClock } from '@byte8/core';

/**
 * The account a new row of a provider in direct mode is addressed to: the
 * chosen business, also while the connection needs a reconnect (the rows are
 * kept and wait); null when never connected or disconnected (nothing is
 * enqueued, as for an unpaired ledger provider). Reads through the host's
 * transaction when given: PGlite has one session, and a read beside an open
 * transaction would wait for it forever. On MySQL the table carries the
 * prefix and the host may pass its own mysql2 connection.
 */
export function directEnqueueAccount(
  storage: Pick<Byte8Storage, 'db' | 'schema'> & Partial<Pick<Byte8Storage, 'dialect' | 'tablePrefix'>>,
): (provider: string, transaction?: HostTransaction) => Promise<string | null> {
  const onMysql = storage.dialect === 'mysql';
  const tables = onMysql ? byte8MysqlTables(storage.tablePrefix ?? '') : byte8Tables(storage.schema);
  const context: StoreContext = { db: storage.db, tables, clock: systemClock };
  return async (provider, transaction) => {
    const result = await sql<{ status: string; business_id: string | null }>`
      SELECT status, business_id FROM ${tables.oauthConnection} WHERE provider = ${provider}
    `.execute(onMysql ? mysqlExecutorOf(context, transaction) : executorOf(context, transaction));
    const row = result.rows[0];
    if (!row || row.status === 'disconnected' || row.status === 'business_needed') return null;
    return row.business_id;
  };
}
