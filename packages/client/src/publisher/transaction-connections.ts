import { type Clock, type ConnectionStore, type HostTransaction, systemClock } from '@byte8/core';
import type { Kysely } from 'kysely';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { KyselyConnectionStore } from '../storage/connection-store.js';
import { mysqlTransactionConnections } from '../storage/mysql/mysql-transaction-connections.js';
import { createStoreContext } from '../storage/store-context.js';

/**
 * Connection reads that run inside the host's transaction. On PGlite there is
 * one session: a read beside an open transaction queues behind it, and the
 * transaction waits for the read, forever. Reading through the transaction
 * also gives pg the tenant the host's transaction sees.
 */
export function transactionConnections(
  storage: Pick<Byte8Storage, 'schema'> & Partial<Pick<Byte8Storage, 'dialect' | 'tablePrefix'>>,
  clock: Clock = systemClock,
): (transaction: HostTransaction) => Pick<ConnectionStore, 'get'> {
  if (storage.dialect === 'mysql') return mysqlTransactionConnections(storage.tablePrefix ?? '', clock);
  return (transaction) => {
    if (typeof (transaction as Partial<Kysely<any>>)?.getExecutor !== 'function') {
      throw new TypeError('`transaction` must be a kysely Transaction over the connector database');
    }
    return new KyselyConnectionStore(createStoreContext(transaction as Kysely<any>, storage.schema, clock));
  };
}
