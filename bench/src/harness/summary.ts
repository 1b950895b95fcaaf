/** One measured figure over repeated runs. */
export interface Figure {
  readonly scenario: string;
  /** What was measured, e.g. `pg 10k backlog` or `graphile-worker`. */
  readonly case: string;
  readonly metric: string;
  readonly unit: string;
  readonly samples: readonly number[];
  readonly min: number;
  readonly median: number;
  readonly max: number;
  /** Settings and side facts of this figure (recorded in the JSON). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Summarises repeated samples of one metric. */
export function figure(
  scenario: string,
  name: string,
  metric: string,
  unit: string,
  samples: readonly number[],
  details?: Record<string, unknown>,
): Figure {
  return {
    scenario,
    case: name,
    metric,
    unit,
    samples,
    min: Math.min(...samples),
    median: median(samples),
    max: Math.max(...samples),
    ...(details ? { details } : {}),
  };
}

/** Nearest-rank percentile of an unsorted list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
