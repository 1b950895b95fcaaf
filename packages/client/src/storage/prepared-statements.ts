import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

const MARK = '/* byte8:prepared */';

/**
 * Put first in a statement's SQL to have it sent as a named prepared statement on PostgreSQL
 * (parsed and planned once per connection, not on every call). Only for statements run very
 * often whose text does not vary with their arguments, as the enqueue statements: parsing and
 * planning their CTE cost PostgreSQL more CPU than running it, the bound of many concurrent
 * checkouts. Elsewhere (PGlite, a host's own pool client) it is just a comment.
 */
export const PREPARED = sql.raw(`${MARK}\n`);

const MAX_NAMES = 256;
const names = new Map<string, string>();

/** A stable statement name per SQL text: one text always gets the same name, on every connection. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `byte8_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= MAX_NAMES) names.delete(names.keys().next().value!);
    names.set(text, name);
  }
  return name;
}

/** What kysely's PostgreSQL driver uses of a pool client. */
export type KyselyPoolClient = Pick<pg.PoolClient, 'query' | 'release'>;

/**
 * The client kysely gets from the storage's pool: marked statements go out named, so pg
 * prepares each on a connection once; everything else passes through unchanged.
 */
export function preparingClient(client: pg.PoolClient): KyselyPoolClient {
  return {
    query: ((text: unknown, values?: unknown[]) => {
      if (typeof text === 'string' && text.startsWith(MARK)) return client.query({ name: statementName(text), text, values });
      return (client.query as (...args: unknown[]) => unknown)(text, values);
    }) as pg.PoolClient['query'],
    release: (error?: Error | boolean) => client.release(error),
  };
}
