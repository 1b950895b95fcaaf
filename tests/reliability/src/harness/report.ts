import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCALE } from './scale.js';

export const RESULTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../results');

/**
 * Prints a test's figures on one line and writes them to
 * `results/<name>.<scale>.json` (through a `.tmp` file, so a killed run never
 * leaves half a result behind).
 */
export function report(name: string, figures: Record<string, unknown>): void {
  const line = Object.entries(figures)
    .filter(([, v]) => typeof v !== 'object' || v === null)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`reliability ${name} [${SCALE}]: ${line}`);
  const result = {
    test: name,
    scale: SCALE,
    command: `RELIABILITY_SCALE=${SCALE} pnpm --filter @byte8/reliability test:reliability`,
    finishedAt: new Date().toISOString(),
    node: process.version,
    figures,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.${SCALE}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** The p-th percentile (0-100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
