import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where `pnpm test` records the suites it skipped; CI's summary fails on any. */
export const SKIPS_FILE = '.artifacts/test-skips.json';

export function writeSkips(path, skips) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ skipped: skips }, null, 2)}\n`);
}

/** The skips recorded at `path`; a missing file means the run did not record any. */
export function readSkips(path) {
  if (!existsSync(path)) return [];
  const parsed = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed?.skipped)) throw new Error(`${path}: expected {"skipped": [...]}`);
  return parsed.skipped;
}

/** One line per skip: what was skipped and why. */
export function skipLine(skip) {
  return `skipped ${skip.suite}: ${skip.reason}`;
}
