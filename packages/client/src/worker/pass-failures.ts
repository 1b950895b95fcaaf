import type { Logger, Random } from '@byte8/core';
import { randomFraction } from './backoff.js';

export interface PassFailureOptions {
  /** Sleep after the first failed pass; doubles per failure in a row. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** An outage is logged once when it starts, then at most once per this interval. */
  readonly logEveryMs: number;
  readonly random: Random;
  readonly logger: Logger;
  readonly now?: () => number;
}

/** What the loop needs from a run of failed passes. */
export interface PassFailures {
  /** Records a failed pass; returns how long to sleep before the next. */
  failed(error: unknown): number;
  /** Records a pass that got through; logs the recovery if an outage was on. */
  succeeded(): void;
}

/**
 * Failed passes (database down, a pass that throws) in a row: a jittered,
 * capped exponential sleep between them, so a worker started during an
 * outage waits instead of spinning, and one log line per interval instead of
 * one per pass.
 */
export function passFailures(options: PassFailureOptions): PassFailures {
  const now = options.now ?? (() => performance.now());
  let inARow = 0;
  let sinceLog = 0;
  let lastLogAt = Number.NEGATIVE_INFINITY;
  return {
    failed(error) {
      inARow += 1;
      sinceLog += 1;
      const base = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** Math.min(inARow - 1, 30));
      // +/-25 %: workers that failed together do not retry together.
      const delay = Math.round(base * (0.75 + 0.5 * randomFraction(options.random)));
      if (now() - lastLogAt >= options.logEveryMs) {
        options.logger.error(
          { error: error instanceof Error ? error.message : String(error), failuresInARow: inARow, failedSinceLastLog: sinceLog, nextTryMs: delay },
          'drain pass failed; retrying with backoff',
        );
        lastLogAt = now();
        sinceLog = 0;
      }
      return delay;
    },
    succeeded() {
      if (inARow > 0) options.logger.info({ failuresInARow: inARow }, 'drain passes succeed again');
      inARow = 0;
      sinceLog = 0;
      lastLogAt = Number.NEGATIVE_INFINITY;
    },
  };
}
