import type { SimProcess } from '../sim-client.js';
import type { Figure } from './summary.js';

/** Sizes of one run: `quick` (default) or `full` (`--full`). */
export interface RunSizes {
  readonly drainBacklogs: { readonly pg: readonly number[]; readonly pglite: readonly number[]; readonly mysql: readonly number[] };
  readonly peerBacklog: number;
  readonly enqueueSeconds: number;
  readonly hostTxIterations: number;
  readonly latencyRate: number;
  readonly latencySeconds: number;
  readonly memoryBacklog: number;
  readonly scaleBacklog: number;
  readonly repeats: number;
}

export const QUICK: RunSizes = {
  drainBacklogs: { pg: [10_000, 50_000], pglite: [5_000, 20_000], mysql: [5_000, 20_000] },
  peerBacklog: 10_000,
  enqueueSeconds: 3,
  hostTxIterations: 2_000,
  latencyRate: 500,
  latencySeconds: 12,
  memoryBacklog: 100_000,
  scaleBacklog: 10_000,
  repeats: 3,
};

export const FULL: RunSizes = {
  drainBacklogs: { pg: [10_000, 100_000, 1_000_000], pglite: [10_000, 100_000], mysql: [10_000, 100_000] },
  peerBacklog: 100_000,
  enqueueSeconds: 10,
  hostTxIterations: 10_000,
  latencyRate: 500,
  latencySeconds: 60,
  memoryBacklog: 1_000_000,
  scaleBacklog: 100_000,
  repeats: 3,
};

export type BenchDialect = 'pg' | 'pglite' | 'mysql';

/** Everything a scenario needs from the run. */
export interface BenchContext {
  readonly sizes: RunSizes;
  readonly full: boolean;
  /** Base URL of the PostgreSQL server; each scenario creates throwaway databases on it. */
  readonly pgUrl: string;
  /** Base URL of the MySQL/MariaDB server of the `mysql` dialect (throwaway databases too). */
  readonly mysqlUrl: string;
  readonly dialects: readonly BenchDialect[];
  /** The simulator (policy `none`, recording off) in its own process. */
  readonly sim: SimProcess;
  /** The flags that reproduce this run (`--full`, `--repeats`...). */
  readonly flags: readonly string[];
  readonly log: (line: string) => void;
}

/** A scenario returns its figures; the runner prints and stores them. */
export type Scenario = (ctx: BenchContext) => Promise<Figure[]>;

/** Drain-worker tuning used by every scenario of our worker (recorded in the JSON). */
export const WORKER_TUNING = {
  pg: { workers: 2, batch: 500, concurrency: 64, connections: 64 },
  pglite: { workers: 1, batch: 500, concurrency: 64, connections: 64 },
  mysql: { workers: 2, batch: 500, concurrency: 64, connections: 64 },
} as const;

/** Rounds to a readable precision for tables and JSON. */
export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `10k`, `1M`. */
export function short(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}
