import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';

/**
 * Its own vitest run, outside the root `pnpm test` projects: these tests kill
 * processes, stop the ledger and terminate database sessions, so they run one
 * file at a time (`pnpm --filter @byte8/reliability test:reliability`).
 */
export default defineConfig({
  ...sourceConditions,
  test: {
    name: 'reliability',
    include: ['src/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
    globalSetup: ['src/harness/global-setup.ts'],
  },
});
