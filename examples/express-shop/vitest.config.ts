import { configDefaults, defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.js';

// Tests that drive Chromium; `pnpm test` sets BYTE8_TEST_SKIP_BROWSER (with the reason) when it is missing.
const BROWSER_TESTS = ['src/web/admin-walkthrough.test.ts', 'src/web/merchant-first-hour.test.ts'];

export default defineProject({
  ...sourceConditions,
  test: {
    name: 'express-shop',
    include: ['src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.BYTE8_TEST_SKIP_BROWSER ? BROWSER_TESTS : [])],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
