import { defineConfig } from 'vitest/config';

/**
 * Its own vitest run, outside the root `pnpm test` projects: it packs the
 * built packages, installs them with npm and pnpm into apps in a temporary
 * folder and starts real servers, so one file runs at a time.
 */
export default defineConfig({
  test: {
    name: 'install',
    include: ['src/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 300_000,
    globalSetup: ['src/harness/global-setup.ts'],
  },
});
