import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { redactUrl } from './throwaway-pg-database.js';

/** A MySQL/MariaDB database created for one test file; `drop()` removes it. */
export interface ThrowawayMysqlDatabase {
  readonly name: string;
  /** Connection URL of the new database (same server and credentials as the base URL). */
  readonly url: string;
  drop(): Promise<void>;
}

async function withAdminConnection<T>(baseUrl: string, work: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  let connection: mysql.Connection;
  try {
    connection = await mysql.createConnection({ uri: baseUrl, connectTimeout: 5_000 });
  } catch (error) {
    // A configured server that cannot be reached must fail the run, never skip it.
    throw new Error(`MySQL at ${redactUrl(baseUrl)} is unreachable: ${(error as Error).message}`, { cause: error });
  }
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/**
 * Creates `byte8_test_<random>` on the server of `baseUrl` (any database the
 * user may connect to, e.g. `mysql://root@127.0.0.1:3306/test`).
 *
 * @example
 * const db = await createThrowawayMysqlDatabase('mysql://root@127.0.0.1:3306/test');
 * // ... connect to db.url ...
 * await db.drop();
 */
export async function createThrowawayMysqlDatabase(baseUrl: string): Promise<ThrowawayMysqlDatabase> {
  const name = `byte8_test_${randomBytes(6).toString('hex')}`;
  await withAdminConnection(baseUrl, (connection) =>
    connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`),
  );
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // DROP DATABASE waits for metadata locks only, not for idle sessions, so open pools do not block it.
      await withAdminConnection(baseUrl, (connection) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``));
    },
  };
}
