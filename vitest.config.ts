import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual output (it prints its own summary line from it).
const jsonReport = process.env.BYTE8_VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    // Vitest's default is one worker on two cores; most files wait on servers and databases, not
    // the CPU, so two at a time halve the wall time. Suites that must not overlap say so themselves
    // (the Medusa app suites: fileParallelism false).
    maxWorkers: 2,
    projects: ['packages/*/vitest.config.ts', 'scripts/vitest.config.ts', 'examples/*/vitest.config.ts', 'bench/vitest.config.ts', 'tests/e2e/vitest.config.ts'],
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
