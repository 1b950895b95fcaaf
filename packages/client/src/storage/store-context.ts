import type { Clock } from '@byte8/core';
import type { Kysely, QueryExecutorProvider } from 'kysely';
import { type Byte8Tables, byte8Tables } from './byte8-tables.js';

/** What every store needs: the connector's kysely, the table names and the clock. */
export interface StoreContext {
  readonly db: Kysely<any>;
  readonly tables: Byte8Tables;
  /** Every "now" a store writes or compares comes from here, so tests can move time. */
  readonly clock: Clock;
}

export function createStoreContext(db: Kysely<any>, schema: string | null, clock: Clock): StoreContext {
  return { db, tables: byte8Tables(schema), clock };
}

/**
 * The executor a write runs on: the caller's kysely `Transaction` (or
 * `Kysely`) when given, so it commits or rolls back with the host's own work.
 */
export function executorOf(context: StoreContext, transaction: unknown): QueryExecutorProvider {
  if (transaction === undefined || transaction === null) return context.db;
  if (typeof (transaction as Partial<QueryExecutorProvider>).getExecutor !== 'function') {
    throw new TypeError('`transaction` must be a kysely Transaction or Kysely instance over the same database');
  }
  return transaction as QueryExecutorProvider;
}
