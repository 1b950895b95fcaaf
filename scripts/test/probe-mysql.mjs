import { createRequire } from 'node:module';

// The root has no runtime dependencies: borrow the testkit's mysql2 driver.
const require = createRequire(new URL('../../packages/testkit/package.json', import.meta.url));

/** The server the MySQL variants of the store tests use when `BYTE8_TEST_MYSQL_URL` is not set. */
export const DEFAULT_TEST_MYSQL_URL = 'mysql://root@127.0.0.1:3306/test';

/** `host:port` of a MySQL URL, for messages (never the credentials). */
export function mysqlServerOf(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '3306'}`;
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Logs in to `url` and runs `select 1`. Resolves with null when that works,
 * else with one line saying why not (never the password).
 */
export async function probeMysql(url, { timeoutMs = 3000 } = {}) {
  const mysql = require('mysql2/promise');
  const where = mysqlServerOf(url);
  let connection;
  try {
    connection = await mysql.createConnection({ uri: url, connectTimeout: timeoutMs });
    await connection.query('select 1');
    return null;
  } catch (error) {
    const code = error?.code ?? '';
    if (code === 'ECONNREFUSED') return `nothing listens on ${where}`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve ${where}`;
    if (code === 'ETIMEDOUT' || /timeout/i.test(error?.message ?? '')) return `no answer from ${where} within ${timeoutMs} ms`;
    if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_DBACCESS_DENIED_ERROR') return `MySQL at ${where} refused the login (${error.message})`;
    return `MySQL at ${where} is not usable (${error?.message ?? String(error)})`;
  } finally {
    await connection?.end().catch(() => {});
  }
}
