import { Kysely, MysqlDialect, type MysqlPool, type MysqlPoolConnection, type QueryExecutorProvider } from 'kysely';
import type { StoreContext } from '../store-context.js';

/** The callback connection under a mysql2 connection (the promise API wraps one in `.connection`). */
function callbackConnectionOf(connection: unknown): MysqlPoolConnection | null {
  const candidate = connection as { query?: unknown; execute?: unknown; connection?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.query !== 'function' || typeof candidate.execute !== 'function') {
    return null;
  }
  const inner = candidate.connection as { query?: unknown } | undefined;
  return (typeof inner?.query === 'function' ? inner : candidate) as unknown as MysqlPoolConnection;
}

/** `2026-05-01 10:00:00.123`: a Date as UTC DATETIME(3) text, whatever time zone the host's connection formats in. */
function utcText(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
}

const joined = new WeakMap<object, Kysely<any>>();
const hostConnections = new WeakSet<Kysely<any>>();

/**
 * A kysely over one connection the host owns (mysql2, promise or callback
 * API), typically inside the host's own `beginTransaction()`: statements run
 * on it as they are, the connection is never released or ended here.
 */
function joinHostConnection(connection: object, raw: MysqlPoolConnection): Kysely<any> {
  const existing = joined.get(connection);
  if (existing) return existing;
  // The host's connection may format Dates in its own `timezone`: the stores' instants go in as UTC text.
  const query = ((text: string, parameters: unknown[], callback?: (error: unknown, result: unknown) => void) =>
    (raw.query as (...args: unknown[]) => unknown)(text, parameters.map(utcText), ...(callback ? [callback] : []))) as MysqlPoolConnection['query'];
  const borrowed: MysqlPoolConnection = { query, release: () => {} };
  const pool: MysqlPool = {
    getConnection: (callback) => callback(null, borrowed),
    end: (callback) => callback(null),
  };
  const db = new Kysely<any>({ dialect: new MysqlDialect({ pool }) });
  joined.set(connection, db);
  hostConnections.add(db);
  return db;
}

const TRANSACTION_EXPECTED = '`transaction` must be a kysely Transaction, a Kysely instance or a mysql2 connection over the same database';

/**
 * The executor of a host's transaction on MySQL: its kysely `Transaction`
 * (or `Kysely`) as it is, or a kysely over the mysql2 connection it passes,
 * so the write commits or rolls back with the host's own.
 */
export function hostMysqlExecutor(transaction: unknown): QueryExecutorProvider {
  if (typeof (transaction as { getExecutor?: unknown } | null)?.getExecutor === 'function') return transaction as QueryExecutorProvider;
  if (typeof (transaction as { getConnection?: unknown } | null)?.getConnection === 'function') {
    // Each statement could land on another connection of a pool: nothing would be atomic.
    throw new TypeError(`${TRANSACTION_EXPECTED}; got a pool: pass the connection from pool.getConnection() that began the transaction`);
  }
  const raw = callbackConnectionOf(transaction);
  if (!raw) throw new TypeError(TRANSACTION_EXPECTED);
  return joinHostConnection(transaction as object, raw);
}

/** The executor a MySQL write runs on: the host's transaction when given, else the storage's own kysely. */
export function mysqlExecutorOf(context: StoreContext, transaction: unknown): QueryExecutorProvider {
  return transaction === undefined || transaction === null ? context.db : hostMysqlExecutor(transaction);
}

/**
 * Runs `work` inside a transaction: the caller's when the executor already is
 * one (a kysely Transaction or a host connection, whose BEGIN would otherwise
 * commit the host's work implicitly), else a new one on the storage's kysely.
 */
export async function inMysqlTransaction<T>(
  executor: QueryExecutorProvider,
  work: (executor: QueryExecutorProvider) => Promise<T>,
): Promise<T> {
  if (executor instanceof Kysely && !executor.isTransaction && !hostConnections.has(executor)) {
    return executor.transaction().execute((trx) => work(trx));
  }
  return work(executor);
}
