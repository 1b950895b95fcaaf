import { postgresTargets } from './postgres-targets.mjs';

export const MEDUSA_SUITES = 'the Medusa app suites (packages/adapter-medusa/integration-tests/http)';
export const PG_VARIANTS = 'the PostgreSQL variant of the store tests';

/**
 * Decides what `pnpm test` runs: the environment vitest gets and the suites it
 * skips. A suite needs PostgreSQL when it cannot run without a server: the
 * Medusa app suites (Medusa's runner creates a database per file) and the pg
 * variant of each store test. Both run when their server answers a login, and
 * are skipped, with the reason, when it does not.
 *
 * @param env the caller's environment (not changed)
 * @param probe `(url) => Promise<null | reason>`
 */
export async function planTestRun(env, probe) {
  const targets = postgresTargets(env);
  // Two logins: Medusa's runner uses its own host name and password.
  const [storeProblem, medusaReason] = await Promise.all([probe(targets.storeUrl), probe(targets.medusaUrl)]);
  const next = { ...env, ...targets.medusa, MEDUSA_DISABLE_TELEMETRY: env.MEDUSA_DISABLE_TELEMETRY ?? 'true' };
  const skips = [];
  if (storeProblem === null) next.BYTE8_TEST_PG_URL = targets.storeUrl;
  else {
    delete next.BYTE8_TEST_PG_URL;
    skips.push({ suite: PG_VARIANTS, reason: storeProblem });
  }
  if (medusaReason === null) delete next.BYTE8_TEST_SKIP_MEDUSA_APP;
  else {
    next.BYTE8_TEST_SKIP_MEDUSA_APP = medusaReason;
    skips.push({ suite: MEDUSA_SUITES, reason: medusaReason });
  }
  return { env: next, skips };
}
