import type { Clock } from '@byte8/core';

/** Where a long job reports how far it got. */
export interface ProgressReporter {
  /** `total` is null when the host cannot count (no `countChangedSince`). */
  start(total: number | null): void;
  update(done: number, enqueued: number): void;
  finish(done: number, enqueued: number): void;
}

export interface ProgressOptions {
  /** The stream the progress goes to (stderr in the CLI, so stdout stays parseable). */
  readonly write: (text: string) => void;
  /** A redrawn bar when true, periodic lines otherwise. */
  readonly tty: boolean;
  readonly label: string;
  /** Minimum time between two non-TTY lines. Default 5 s. */
  readonly lineIntervalMs?: number;
  readonly clock?: Clock;
}

const BAR_WIDTH = 28;
const REDRAW_MS = 100;

/** `1234567` as `1,234,567` without locale surprises. */
const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * A progress bar (`[#####-----] 2,000/10,000 20% 850/s ETA 9s`) redrawn in
 * place on a terminal, or a `label: done/total (pct) rate/s` line every few
 * seconds when the output is a file or a pipe.
 */
export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const now = () => (options.clock ? options.clock.now().getTime() : Date.now());
  const interval = options.tty ? REDRAW_MS : (options.lineIntervalMs ?? 5000);
  let total: number | null = null;
  let startedAt = 0;
  let lastDrawn = Number.NEGATIVE_INFINITY;

  const describe = (done: number, enqueued: number) => {
    const elapsed = Math.max(0.001, (now() - startedAt) / 1000);
    const rate = done / elapsed;
    const of = total === null ? '' : `/${grouped(Math.max(total, done))}`;
    const pct = total ? ` ${Math.min(100, Math.floor((done / Math.max(total, done)) * 100))}%` : '';
    const eta = total && rate > 0 ? ` ETA ${duration((Math.max(total, done) - done) / rate)}` : '';
    return { text: `${grouped(done)}${of}${pct} ${grouped(rate)}/s${eta} (${grouped(enqueued)} enqueued)`, fraction: total ? done / Math.max(total, done) : null };
  };

  const draw = (done: number, enqueued: number, final: boolean) => {
    const { text, fraction } = describe(done, enqueued);
    if (options.tty) {
      const filled = fraction === null ? 0 : Math.round(fraction * BAR_WIDTH);
      const bar = fraction === null ? '' : `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] `;
      options.write(`\r\x1b[2K${options.label} ${bar}${text}${final ? '\n' : ''}`);
    } else {
      options.write(`${options.label}: ${text}${final ? ' done' : ''}\n`);
    }
    lastDrawn = now();
  };

  return {
    start(count) {
      total = count;
      startedAt = now();
      draw(0, 0, false);
    },
    update(done, enqueued) {
      if (now() - lastDrawn >= interval) draw(done, enqueued, false);
    },
    finish(done, enqueued) {
      draw(done, enqueued, true);
    },
  };
}
