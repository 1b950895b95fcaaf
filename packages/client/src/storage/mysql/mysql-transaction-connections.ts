import type { Clock, ConnectionStore, HostTransaction } from '@byte8/core';
import type { Kysely } from 'kysely';
import { mysqlExecutorOf } from './mysql-executor.js';
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
    if (transaction === undefined || transaction === null) {
      throw new TypeError('`transaction` must be a kysely Transaction or a mysql2 connection over the connector database');
    }
    // The context's own db is never used: the transaction always is one.
    const executor = mysqlExecutorOf({ db: null as unknown as Kysely<any>, tables, clock }, transaction);
    return new MysqlConnectionStore({ db: executor as Kysely<any>, tables, clock });
  };
}
