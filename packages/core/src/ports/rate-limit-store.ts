/** Port: fixed-window hit counters shared by every instance on one database (pairing rate limits). */
export interface RateLimitStore {
  /**
   * Counts one hit on `bucket` in the window starting at `windowStart` and
   * returns the window's count including it (a new window starts at 1).
   */
  hit(bucket: string, windowStart: Date): Promise<number>;
  /** Takes one hit back (a refused attempt that must not count). */
  unhit(bucket: string, windowStart: Date): Promise<void>;
  /** Drops counters of windows that started before `before`; returns how many. */
  purgeBefore(before: Date): Promise<number>;
}
