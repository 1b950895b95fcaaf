#!/usr/bin/env node
// Prints "N passed, N failed[, N skipped]" from one or more vitest JSON
// reports (a missing report counts as one failure); exits 1 when anything
// failed or nothing ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of process.argv.slice(2)) {
  if (!existsSync(path)) {
    console.log(`no test report at ${path}`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
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
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
