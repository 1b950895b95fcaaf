#!/usr/bin/env node
// Prints "N passed, N failed[, N skipped]" from vitest's JSON report; exits 1
// when anything failed or nothing ran.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const passed = report.numPassedTests ?? 0;
const failedTests = report.numFailedTests ?? 0;
const failedSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const failed = failedTests + failedSuites;
for (const file of report.testResults ?? []) {
  if (file.status === 'failed' && file.message) console.log(`failed to run: ${file.name}\n${file.message.split('\n').slice(0, 5).join('\n')}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
