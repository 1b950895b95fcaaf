#!/usr/bin/env node
// Prints "N passed, N failed[, N skipped]" from one or more vitest JSON
// reports (a missing report counts as one failure); exits 1 when anything
// failed or nothing ran. An argument may be `report.json:exitCode`: a run that
// exited non-zero without a failed test (vitest's unhandled errors) counts as
// one failure, so the closing line never says "0 failed" for a red run.
// `--skips <file>` reads the suites `pnpm test` skipped (no PostgreSQL, say):
// each one is named and counts as a failure, since CI must run everything.
import { existsSync, readFileSync } from 'node:fs';
import { readSkips, skipLine } from './test/skip-report.mjs';

let passed = 0;
let failed = 0;
let skipped = 0;
const args = process.argv.slice(2);
const reports = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--skips') {
    const file = args[++i];
    for (const skip of readSkips(file)) {
      console.log(skipLine(skip));
      failed += 1;
    }
  } else reports.push(args[i]);
}
for (const argument of reports) {
  const [, path, exitCode] = /^(.*?)(?::(\d+))?$/.exec(argument);
  if (!existsSync(path)) {
    console.log(`no test report at ${path}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const failedBefore = failed;
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    // A file that failed to load has no assertions: count it, or a broken import would pass silently.
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
    if (file.status === 'failed' && file.message) {
      console.log(`failed to run: ${file.name}\n${file.message.split('\n').slice(0, 5).join('\n')}`);
    }
  }
  if (exitCode && exitCode !== '0' && failed === failedBefore) {
    console.log(`${path}: the run exited ${exitCode} with no failed test (an unhandled error; see the output above)`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
