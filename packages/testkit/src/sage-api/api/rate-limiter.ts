import type { SageRateLimit } from '../sage-api-options.js';

export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

/**
 * A fixed window per business (c.4: Sage publishes no numbers, so the limit is
 * configuration). A refused request does not count against the window.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { startMs: number; count: number }>();

  constructor(public limit: SageRateLimit | null) {}

  hit(key: string, nowMs: number): RateDecision {
    const limit = this.limit;
    if (limit === null) return { ok: true };
    let window = this.#windows.get(key);
    if (window === undefined || nowMs - window.startMs >= limit.windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= limit.requests) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startMs + limit.windowMs - nowMs) / 1000)) };
    }
    window.count += 1;
    return { ok: true };
  }

  reset(): void {
    this.#windows.clear();
  }
}
