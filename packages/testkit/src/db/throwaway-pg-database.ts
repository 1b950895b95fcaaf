import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database created for one test file; `drop()` removes it, even with sessions still open. */
export interface ThrowawayPgDatabase {
  readonly name: string;
  /** Connection URL of the new database (same server and credentials as the base URL). */
  readonly url: string;
  drop(): Promise<void>;
}

/** The URL without its password, for error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function withAdminClient<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    // A configured server that cannot be reached must fail the run, never skip it.
    throw new Error(`PostgreSQL at ${redactUrl(baseUrl)} is unreachable: ${(error as Error).message}`, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `byte8_test_<random>` on the server of `baseUrl` (any database the
 * role may connect to, usually `postgres`).
 *
 * @example
 * const db = await createThrowawayPgDatabase('postgres://postgres@127.0.0.1:5432/postgres');
 * // ... connect to db.url ...
 * await db.drop();
 */
const SESSION_LEAVE_TIMEOUT_MS = 3_000;

async function waitForSessionsToLeave(client: pg.Client, database: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ sessions: number }>(
      'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    if (rows[0]?.sessions === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function createThrowawayPgDatabase(baseUrl: string): Promise<ThrowawayPgDatabase> {
  const name = `byte8_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(baseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdminClient(baseUrl, async (client) => {
        // A pool's end() resolves before its sockets have closed; terminating those
        // sessions mid-close surfaces as an unhandled 57P01 in the test process.
        // Give them a moment to leave, then force whatever is still connected.
        await waitForSessionsToLeave(client, name, SESSION_LEAVE_TIMEOUT_MS);
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}
