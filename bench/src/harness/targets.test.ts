import { describe, expect, it } from 'vitest';
import { evaluateTargets } from './targets.js';
import { type Figure, figure, median, percentile } from './summary.js';

const byTarget = (figures: Figure[]) => new Map(evaluateTargets(figures).map((t) => [t.target, t]));

describe('benchmark figures', () => {
  it('summarises repeats as min, median and max', () => {
    expect(figure('drain', 'pg 10k backlog', 'throughput', 'events/s', [300, 100, 200])).toMatchObject({ min: 100, median: 200, max: 300 });
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes nearest-rank percentiles of an unsorted list', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(latencies, 50)).toBe(50);
    expect(percentile(latencies, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('target verdicts', () => {
  it('says "not measured" for a target whose scenario did not run', () => {
    const results = evaluateTargets([]);
    expect(results).toHaveLength(10);
    expect(results.every((r) => r.met === null && r.measured === 'not measured in this run')).toBe(true);
  });

  it('judges the PostgreSQL drain by its slowest backlog', () => {
    const verdict = (rates: number[]) =>
      byTarget(rates.map((r, i) => figure('drain', `pg ${i + 1}0k backlog`, 'throughput', 'events/s', [r]))).get('drain on PostgreSQL >= 5,000 events/s')!;
    expect(verdict([6_000, 5_000]).met).toBe(true);
    expect(verdict([6_000, 4_999])).toMatchObject({ met: false, measured: 'pg 10k backlog: 6000 events/s; pg 20k backlog: 4999 events/s' });
  });

  it('judges latency on PostgreSQL only, whatever PGlite measured', () => {
    const figures = [
      figure('latency', 'pg 500/s for 12 s, NOTIFY', 'p99', 'ms', [80]),
      figure('latency', 'pglite 500/s for 12 s, NOTIFY', 'p99', 'ms', [3_000]),
    ];
    expect(byTarget(figures).get('latency p99 <= 100 ms at 500 events/s with NOTIFY (PostgreSQL)')).toMatchObject({ met: true, measured: 'pg 500/s for 12 s, NOTIFY: 80 ms' });
  });

  it('fails the duplicate target on any run with a duplicate, not on the median', () => {
    const dupes = (samples: number[]) =>
      byTarget([figure('scale', 'pg 10k, 4 processes', 'duplicate deliveries', 'count', samples)]).get('zero duplicate deliveries with 4 workers')!.met;
    expect(dupes([0, 0, 0])).toBe(true);
    expect(dupes([0, 0, 1])).toBe(false);
  });

  it('converts peak RSS from MiB before comparing with 150 MB', () => {
    const rss = (mib: number) => byTarget([figure('memory', 'pg 1M backlog, 1 process', 'worker peak RSS', 'MiB', [mib])]).get('worker peak RSS <= 150 MB on the largest backlog')!.met;
    expect(rss(143)).toBe(true);
    expect(rss(144)).toBe(false);
  });
});
