import { createHash } from 'node:crypto';
import type { Clock, RateLimitStore } from '@byte8/core';
import { createMemoryRateLimitStore } from './memory-rate-limit-store.js';

export interface PairingRateLimitOptions {
  /** Attempts per source address per window. Default 10. */
  readonly perAddress?: number;
  /** Attempts from all addresses together per window. Default 100. */
  readonly global?: number;
  /** Window length. Default 60 000 ms. */
  readonly windowMs?: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface PairingRateLimiter {
  /** Counts one attempt from `address` and says whether it may proceed. */
  take(address: string): Promise<RateDecision>;
}

const GLOBAL_BUCKET = 'pair:*';

/**
 * Fixed-window counters against pairing-code guessing. 128-bit codes cannot
 * be brute-forced anyway; this keeps a flood from filling logs and burning
 * CPU. The counters live in `store`: the database the host's instances share
 * (`storage.rateLimits`), so two or more instances do not multiply the
 * budget, or this process's memory when there is none. Once the global budget
 * is spent no address is counted (the counters stay bounded by `global`), and
 * an attempt an address is refused for is not counted globally.
 */
export function createPairingRateLimiter(
  options: PairingRateLimitOptions & { readonly clock: Clock; readonly store?: RateLimitStore },
): PairingRateLimiter {
  const perAddress = options.perAddress ?? 10;
  const global = options.global ?? 100;
  const windowMs = options.windowMs ?? 60_000;
  for (const [name, value] of Object.entries({ perAddress, global, windowMs })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`pairingRateLimit.${name}: must be a positive integer`);
  }
  const store = options.store ?? createMemoryRateLimitStore();
  let lastWindow = -1;

  return {
    async take(address) {
      const now = options.clock.now().getTime();
      const start = now - (now % windowMs);
      const window = new Date(start);
      if (start !== lastWindow) {
        lastWindow = start;
        // Counters of past windows are never read again.
        await store.purgeBefore(window);
      }
      const denied = { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) } as const;
      if ((await store.hit(GLOBAL_BUCKET, window)) > global) return denied;
      // A hash keeps the bucket short and the stored value free of the address itself.
      const bucket = `pair:${createHash('sha256').update(address).digest('hex').slice(0, 40)}`;
      if ((await store.hit(bucket, window)) > perAddress) {
        await store.unhit(GLOBAL_BUCKET, window);
        return denied;
      }
      return { allowed: true };
    },
  };
}
