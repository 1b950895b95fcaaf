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
    expect(results).toHaveLength(11);
    expect(results.every((r) => r.met === null && r.measured === 'not measured in this run')).toBe(true);
  });

  it('judges the peer ratio by its worst backlog', () => {
    const verdict = (ratios: number[]) =>
      byTarget(ratios.map((r, i) => figure('peers', `byte8 / faster peer, pg ${i + 2}0k`, 'ratio', 'x', [r]))).get(
        'drain on PostgreSQL >= 1.5x the faster of graphile-worker and pg-boss, at every peer backlog',
      )!;
    expect(verdict([1.6, 1.5]).met).toBe(true);
    expect(verdict([1.6, 1.49])).toMatchObject({ met: false, measured: 'byte8 / faster peer, pg 20k: 1.6 x; byte8 / faster peer, pg 30k: 1.49 x' });
  });

  it('keeps the database-cost ratio apart from the throughput ratio', () => {
    const figures = [
      figure('peers', 'byte8 / faster peer, pg 20k', 'ratio', 'x', [2]),
      figure('peers', 'byte8 / faster peer, pg 20k', 'PostgreSQL CPU per event ratio', 'x', [1.3]),
    ];
    const results = byTarget(figures);
    expect(results.get("PostgreSQL CPU per event no higher than the faster peer's")).toMatchObject({ met: false });
    expect(results.get('drain on PostgreSQL >= 1.5x the faster of graphile-worker and pg-boss, at every peer backlog')).toMatchObject({ met: true });
  });

  it('judges PGlite at 20k only', () => {
    const figures = [
      figure('drain', 'pglite 5k backlog', 'throughput', 'events/s', [1_000]),
      figure('drain', 'pglite 20k backlog', 'throughput', 'events/s', [3_100]),
    ];
    expect(byTarget(figures).get('drain on PGlite >= 3,000 events/s at 20k')).toMatchObject({ met: true, measured: 'pglite 20k backlog: 3100 events/s' });
  });

  it('judges latency on PostgreSQL only, whatever PGlite measured', () => {
    const figures = [
      figure('latency', 'pg 500/s for 12 s, NOTIFY', 'p99', 'ms', [80]),
      figure('latency', 'pglite 500/s for 12 s, NOTIFY', 'p99', 'ms', [3_000]),
    ];
    expect(byTarget(figures).get('latency p99 <= 100 ms at 500 events/s with NOTIFY (PostgreSQL), in every repeat')).toMatchObject({ met: true, measured: 'pg 500/s for 12 s, NOTIFY: 80 ms' });
  });

  it('judges latency on the worst repeat, not the median one', () => {
    const figures = [figure('latency', 'pg 500/s for 12 s, NOTIFY', 'p99', 'ms', [40, 60, 130])];
    expect(byTarget(figures).get('latency p99 <= 100 ms at 500 events/s with NOTIFY (PostgreSQL), in every repeat')).toMatchObject({ met: false });
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

  it('judges the demo shop on its larger start, first or restart, in MB', () => {
    const shop = (first: number, restart: number) =>
      byTarget([
        figure('memory', 'demo shop, first start', 'RSS after start', 'MiB', [first]),
        figure('memory', 'demo shop, restart', 'RSS after start', 'MiB', [restart]),
      ]).get('demo shop RSS <= 250 MB after start')!;
    expect(shop(200, 238).met).toBe(true);
    expect(shop(239, 200)).toMatchObject({ met: false, measured: 'demo shop, first start: 239 MiB; demo shop, restart: 200 MiB' });
  });
});
