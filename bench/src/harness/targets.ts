import type { Figure } from './summary.js';

/** One target of the benchmark issue, judged on this run's figures (null: not measured in this run). */
export interface TargetResult {
  readonly target: string;
  readonly met: boolean | null;
  readonly measured: string;
}

function find(figures: readonly Figure[], scenario: string, casePart: string, metric: string): Figure[] {
  return figures.filter((f) => f.scenario === scenario && f.case.includes(casePart) && f.metric === metric);
}

function judge(target: string, found: readonly Figure[], ok: (v: number) => boolean, pick: (fs: readonly Figure[]) => number = (fs) => fs[0]!.median): TargetResult {
  if (found.length === 0) return { target, met: null, measured: 'not measured in this run' };
  const value = pick(found);
  return { target, met: ok(value), measured: found.map((f) => `${f.case}: ${f.median} ${f.unit}`).join('; ') };
}

export function evaluateTargets(figures: readonly Figure[]): TargetResult[] {
  const minOf = (fs: readonly Figure[]) => Math.min(...fs.map((f) => f.median));
  const maxOf = (fs: readonly Figure[]) => Math.max(...fs.map((f) => f.median));
  return [
    judge('drain on PostgreSQL >= 1.5x the faster of graphile-worker and pg-boss, at every peer backlog', find(figures, 'peers', 'faster peer', 'ratio'), (v) => v >= 1.5, minOf),
    judge(
      "PostgreSQL CPU per event no higher than the faster peer's",
      find(figures, 'peers', 'faster peer', 'PostgreSQL CPU per event ratio'),
      (v) => v <= 1,
      maxOf,
    ),
    judge('drain on PGlite >= 3,000 events/s at 20k', find(figures, 'drain', 'pglite 20k', 'throughput'), (v) => v >= 3000),
    judge('per-event cost within 20% from smallest to largest backlog', find(figures, 'drain', 'vs', 'per-event cost ratio'), (v) => v <= 1.2, maxOf),
    judge('enqueue >= 0.8x a bare single-row INSERT (publisher)', find(figures, 'enqueue', 'client', 'publisher.enqueue / bare'), (v) => v >= 0.8, minOf),
    judge('enqueue >= 0.8x a bare single-row INSERT (outbox store)', find(figures, 'enqueue', 'client', 'outbox.enqueue / bare'), (v) => v >= 0.8, minOf),
    judge('<= 0.2 ms added inside a host transaction', find(figures, 'enqueue', 'host transaction', 'added by enqueue'), (v) => v <= 0.2, maxOf),
    // In each repeat, not in the median one: the worst repeat's p99 is what is judged.
    judge(
      'latency p99 <= 100 ms at 500 events/s with NOTIFY (PostgreSQL), in every repeat',
      find(figures, 'latency', 'NOTIFY', 'p99').filter((f) => f.case.startsWith('pg ')),
      (v) => v <= 100,
      (fs) => Math.max(...fs.map((f) => f.max)),
    ),
    judge('worker peak RSS <= 150 MB on the largest backlog', find(figures, 'memory', 'pg', 'worker peak RSS'), (v) => v * 1.048576 <= 150),
    judge('demo shop RSS <= 250 MB after start', find(figures, 'memory', 'demo shop', 'RSS after start'), (v) => v * 1.048576 <= 250, maxOf),
    judge('zero duplicate deliveries with 4 workers', find(figures, 'scale', '4 processes', 'duplicate deliveries'), (v) => v === 0, (fs) => fs[0]!.max),
  ];
}
