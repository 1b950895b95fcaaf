import { describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress-reporter.js';

function clockAt(start = 0) {
  let now = start;
  return { clock: { now: () => new Date(now) }, advance: (ms: number) => (now += ms) };
}

describe('createProgressReporter', () => {
  it('redraws a bar in place on a terminal, with rate and ETA', () => {
    const writes: string[] = [];
    const time = clockAt();
    const reporter = createProgressReporter({ write: (t) => writes.push(t), tty: true, label: 'backfill invoice', ...time });
    reporter.start(10_000);
    time.advance(2000);
    reporter.update(2000, 2400);
    time.advance(50);
    reporter.update(2100, 2500); // under the redraw interval: skipped
    time.advance(8000);
    reporter.finish(10_000, 12_000);
    expect(writes).toHaveLength(3);
    expect(writes[1]).toBe('\r\x1b[2Kbackfill invoice [######----------------------] 2,000/10,000 20% 1,000/s ETA 8s (2,400 enqueued)');
    const clearLine = '\r\x1b[2K';
    expect(writes[2]!.startsWith(`${clearLine}backfill invoice [${'#'.repeat(28)}] 10,000/10,000 100% `)).toBe(true);
    expect(writes[2]!.endsWith(' (12,000 enqueued)\n')).toBe(true);
  });

  it('writes periodic lines when not on a terminal', () => {
    const lines: string[] = [];
    const time = clockAt();
    const reporter = createProgressReporter({ write: (t) => lines.push(t), tty: false, label: 'backfill customer', lineIntervalMs: 5000, ...time });
    reporter.start(null);
    time.advance(1000);
    reporter.update(500, 10);
    time.advance(5000);
    reporter.update(3000, 20);
    reporter.finish(3000, 20);
    expect(lines).toEqual([
      'backfill customer: 0 0/s (0 enqueued)\n',
      'backfill customer: 3,000 500/s (20 enqueued)\n',
      'backfill customer: 3,000 500/s (20 enqueued) done\n',
    ]);
  });
});
