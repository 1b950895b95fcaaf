#!/usr/bin/env node
// `pnpm test`: builds what the tests load, finds out which PostgreSQL and
// MySQL suites can run here, runs vitest (arguments pass through) and says what it skipped.
// The skips are also written to .artifacts/test-skips.json for CI's summary.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForTests } from './test/build-for-tests.mjs';
import { planTestRun } from './test/plan-test-run.mjs';
import { probeMysql } from './test/probe-mysql.mjs';
import { probePostgres } from './test/probe-postgres.mjs';
import { SKIPS_FILE, skipLine, writeSkips } from './test/skip-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const print = (line) => console.log(line);

const built = buildForTests(root, print);
if (built !== 0) process.exit(built);

let plan;
try {
  plan = await planTestRun(process.env, (url) => (url.startsWith('mysql:') ? probeMysql(url) : probePostgres(url)));
} catch (error) {
  print(`pnpm test: ${error.message}`);
  process.exit(2);
}
writeSkips(join(root, SKIPS_FILE), plan.skips);
for (const skip of plan.skips) print(`pnpm test: ${skipLine(skip)}`);

// Through pnpm's bin shim, as `vitest run` always ran: it puts the store's hoisted
// node_modules on NODE_PATH, where Medusa's loader finds its own plugins.
const vitest = join(root, 'node_modules/.bin/vitest');
const child = spawn(vitest, ['run', ...process.argv.slice(2)], { cwd: root, env: plan.env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  // Repeated after vitest's output, where the reader is looking.
  for (const skip of plan.skips) print(`pnpm test: ${skipLine(skip)}`);
  process.exit(code ?? (signal ? 1 : 0));
});
