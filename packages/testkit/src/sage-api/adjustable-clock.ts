import type { Clock } from '@byte8/core';

/**
 * The simulator's time: an underlying clock plus whatever `advance` added, so
 * a test can expire codes (60 s), access tokens (5 min) and refresh tokens
 * (31 days) without waiting.
 */
export class AdjustableClock implements Clock {
  #offsetMs = 0;

  constructor(private readonly base: Clock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.#offsetMs);
  }

  nowMs(): number {
    return this.now().getTime();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a non-negative number of milliseconds, got ${ms}`);
    this.#offsetMs += ms;
  }
}
