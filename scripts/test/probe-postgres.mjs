import { createRequire } from 'node:module';
import { serverOf } from './postgres-targets.mjs';

// The root has no runtime dependencies: borrow the testkit's pg driver.
const require = createRequire(new URL('../../packages/testkit/package.json', import.meta.url));

/**
 * Logs in to `url` and runs `select 1`. Resolves with null when that works,
 * else with one line saying why not (never the password).
 */
export async function probePostgres(url, { timeoutMs = 3000 } = {}) {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  const where = serverOf(url);
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    const code = error?.code ?? '';
    if (code === 'ECONNREFUSED') return `nothing listens on ${where}`;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve ${where}`;
    if (/timeout/i.test(error?.message ?? '')) return `no answer from ${where} within ${timeoutMs} ms`;
    if (code === '28P01' || code === '28000') return `PostgreSQL at ${where} refused the login (${error.message})`;
    return `PostgreSQL at ${where} is not usable (${error?.message ?? String(error)})`;
  } finally {
    await client.end().catch(() => {});
  }
}
