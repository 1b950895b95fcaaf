import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeSkips } from './skip-report.mjs';

const SUMMARY = fileURLToPath(new URL('../test-summary.mjs', import.meta.url));

function summarise(...args: string[]) {
  const result = spawnSync(process.execPath, [SUMMARY, ...args], { encoding: 'utf8' });
  const lines = result.stdout.trimEnd().split('\n');
  return { status: result.status, lines, last: lines.at(-1) };
}

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'byte8-summary-'));
  const report = join(dir, 'report.json');
  writeFileSync(report, JSON.stringify({ numPassedTests: 7, numFailedTests: 0, numPendingTests: 1, testResults: [{ name: 'a.test.ts', status: 'passed', assertionResults: [{}] }] }));
  return { dir, report };
}

describe('CI test summary', () => {
  it('passes a green run with nothing skipped', () => {
    const { dir, report } = fixture();
    const skips = join(dir, 'skips.json');
    writeSkips(skips, []);
    expect(summarise('--skips', skips, `${report}:0`)).toMatchObject({ status: 0, last: '7 passed, 0 failed, 1 skipped' });
  });

  it('fails a green run that skipped a suite, and names it', () => {
    const { dir, report } = fixture();
    const skips = join(dir, 'skips.json');
    writeSkips(skips, [{ suite: 'the Medusa app suites', reason: 'nothing listens on localhost:1' }]);
    const result = summarise('--skips', skips, `${report}:0`);
    expect(result.status).toBe(1);
    expect(result.lines).toContain('skipped the Medusa app suites: nothing listens on localhost:1');
    expect(result.last).toBe('7 passed, 1 failed, 1 skipped');
  });

  it('fails a red run with no failed test, and a missing report', () => {
    const { dir, report } = fixture();
    expect(summarise(`${report}:1`)).toMatchObject({ status: 1, last: '7 passed, 1 failed, 1 skipped' });
    expect(summarise(join(dir, 'missing.json'))).toMatchObject({ status: 1, last: '0 passed, 1 failed' });
  });
});
