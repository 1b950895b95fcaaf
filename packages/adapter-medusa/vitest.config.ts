import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Unit tests (`src/**`) and the full-app suites (`integration-tests/http`,
 * a real Medusa booted by `medusaIntegrationTestRunner` on PostgreSQL; they
 * load the built plugin, so run `medusa plugin:build` first).
 */
export default defineProject({
  // No `source` condition here: vitest hands its conditions to the worker's
  // Node, and Medusa's CommonJS loader must require the workspace packages'
  // built ESM (dist), exactly as a merchant's app does. Build them first.
  test: {
    name: 'adapter-medusa',
    include: ['src/**/*.test.ts', 'integration-tests/http/**/*.spec.ts'],
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
