import { mkdirSync, writeFileSync } from 'node:fs';
import type { MachineInfo } from './machine.js';
import type { Figure } from './summary.js';

function cell(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return String(Math.round(value * 100) / 100);
}

/** The results as a Markdown table (prints well in a terminal and pastes into the docs). */
export function table(figures: readonly Figure[]): string {
  const lines = ['| scenario | case | metric | median | min | max | runs |', '|---|---|---|---:|---:|---:|---:|'];
  for (const f of figures) {
    lines.push(`| ${f.scenario} | ${f.case} | ${f.metric} (${f.unit}) | ${cell(f.median)} | ${cell(f.min)} | ${cell(f.max)} | ${f.samples.length} |`);
  }
  return lines.join('\n');
}

export interface RunRecord {
  readonly command: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly loadAverage: { readonly before: readonly number[]; readonly after: readonly number[] };
  readonly machine: MachineInfo;
  readonly parameters: unknown;
  readonly figures: readonly Figure[];
  readonly targets: unknown;
}

/** Writes the run as JSON under `dir`; returns the file path. */
export function writeRecord(dir: string, record: RunRecord, tag: string): string {
  mkdirSync(dir, { recursive: true });
  const stamp = record.startedAt.replace(/[:.]/g, '-').slice(0, 19);
  const path = `${dir}/${tag}-${stamp}.json`;
  writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
  return path;
}
