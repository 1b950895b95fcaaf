import type { Clock, ConnectionStore, HostTransaction } from '@byte8/core';
import type { Kysely } from 'kysely';
import { hostMysqlExecutor } from './mysql-executor.js';
import { MysqlConnectionStore } from './mysql-connection-store.js';
import { byte8MysqlTables } from './mysql-tables.js';

/**
 * Connection reads inside the host's MySQL transaction (a kysely Transaction
 * or a mysql2 connection), so the publisher sees the tenant that transaction
 * sees and its reads take no second connection from the pool.
 */
export function mysqlTransactionConnections(tablePrefix: string, clock: Clock): (transaction: HostTransaction) => Pick<ConnectionStore, 'get'> {
  const tables = byte8MysqlTables(tablePrefix);
  return (transaction) => {
    // The store's reads take the kysely they are given: here the host's transaction.
    return new MysqlConnectionStore({ db: hostMysqlExecutor(transaction) as Kysely<any>, tables, clock });
  };
}
