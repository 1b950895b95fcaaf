import { existsSync } from 'node:fs';
import { postgresTargets } from './postgres-targets.mjs';
import { DEFAULT_TEST_MYSQL_URL } from './probe-mysql.mjs';

export const MEDUSA_SUITES = 'the Medusa app suites (packages/adapter-medusa/integration-tests/http)';
export const PG_VARIANTS = 'the PostgreSQL variant of the store tests';
export const MYSQL_VARIANTS = 'the MySQL variant of the store, outbound and CLI tests';
export const BROWSER_SUITES = 'the browser walkthroughs (examples/express-shop, Chromium)';

/** Where the browser tests find Chromium (Debian's package; CI installs it). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Decides what `pnpm test` runs: the environment vitest gets and the suites it
 * skips. A suite needs PostgreSQL when it cannot run without a server: the
 * Medusa app suites (Medusa's runner creates a database per file) and the pg
 * variant of each store test. Both run when their server answers a login, and
 * are skipped, with the reason, when it does not. The MySQL variants (store
 * contracts, outbound end-to-end, CLI) need `BYTE8_TEST_MYSQL_URL` (default
 * the local MariaDB) to answer a login, and are skipped the same way.
 *
 * The browser walkthroughs need Chromium at CHROMIUM_PATH and are skipped
 * the same way without it.
 *
 * @param env the caller's environment (not changed)
 * @param probe `(url) => Promise<null | reason>`, for postgres:// and mysql:// URLs
 * @param hasFile `(path) => boolean`, for the Chromium check
 */
export async function planTestRun(env, probe, hasFile = existsSync) {
  const targets = postgresTargets(env);
  // Two logins: Medusa's runner uses its own host name and password.
  const mysqlUrl = env.BYTE8_TEST_MYSQL_URL?.trim() || DEFAULT_TEST_MYSQL_URL;
  if (!mysqlUrl.startsWith('mysql://')) throw new Error(`BYTE8_TEST_MYSQL_URL must be a mysql:// URL, got ${mysqlUrl.split('//')[0]}//…`);
  const [storeProblem, medusaReason, mysqlProblem] = await Promise.all([probe(targets.storeUrl), probe(targets.medusaUrl), probe(mysqlUrl)]);
  const next = { ...env, ...targets.medusa, MEDUSA_DISABLE_TELEMETRY: env.MEDUSA_DISABLE_TELEMETRY ?? 'true' };
  const skips = [];
  if (storeProblem === null) next.BYTE8_TEST_PG_URL = targets.storeUrl;
  else {
    delete next.BYTE8_TEST_PG_URL;
    skips.push({ suite: PG_VARIANTS, reason: storeProblem });
  }
  if (mysqlProblem === null) next.BYTE8_TEST_MYSQL_URL = mysqlUrl;
  else {
    delete next.BYTE8_TEST_MYSQL_URL;
    skips.push({ suite: MYSQL_VARIANTS, reason: mysqlProblem });
  }
  if (medusaReason === null) delete next.BYTE8_TEST_SKIP_MEDUSA_APP;
  else {
    next.BYTE8_TEST_SKIP_MEDUSA_APP = medusaReason;
    skips.push({ suite: MEDUSA_SUITES, reason: medusaReason });
  }
  if (hasFile(CHROMIUM_PATH)) delete next.BYTE8_TEST_SKIP_BROWSER;
  else {
    next.BYTE8_TEST_SKIP_BROWSER = `no Chromium at ${CHROMIUM_PATH}`;
    skips.push({ suite: BROWSER_SUITES, reason: next.BYTE8_TEST_SKIP_BROWSER });
  }
  return { env: next, skips };
}
