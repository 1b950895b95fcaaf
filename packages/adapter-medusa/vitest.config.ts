import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { postgresTargets } from '../../scripts/test/postgres-targets.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `pnpm test` sets this (with the reason) when no PostgreSQL answers for Medusa's runner.
const skipApp = Boolean(process.env.BYTE8_TEST_SKIP_MEDUSA_APP);

/**
 * Unit tests (`src/**`) and the full-app suites (`integration-tests/http`,
 * a real Medusa booted by `medusaIntegrationTestRunner` on PostgreSQL; they
 * load the built plugin, which `pnpm test` builds first).
 */
export default defineProject({
  // No `source` condition here: vitest hands its conditions to the worker's
  // Node, and Medusa's CommonJS loader must require the workspace packages'
  // built ESM (dist), exactly as a merchant's app does. Build them first.
  test: {
    name: 'adapter-medusa',
    include: ['src/**/*.test.ts', ...(skipApp ? [] : ['integration-tests/http/**/*.spec.ts'])],
    // Medusa's runner reads DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD; unset ones default to BYTE8_TEST_PG_URL's server.
    env: { ...postgresTargets(process.env).medusa, MEDUSA_DISABLE_TELEMETRY: process.env.MEDUSA_DISABLE_TELEMETRY ?? 'true' },
    // Medusa's test runner calls the global describe/beforeAll/it.
    globals: true,
    environment: 'node',
    // Medusa requires medusa-config.ts with Node's own require: ts-node handles it.
    setupFiles: [here('./vitest.setup.ts')],
    // One Medusa app at a time; keep isolate (Medusa keeps module-level state).
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    onConsoleLog: (log) => (log.includes('Connection ended unexpectedly') ? false : undefined),
  },
});
