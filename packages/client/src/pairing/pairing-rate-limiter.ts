import type { Clock } from '@byte8/core';

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
  take(address: string): RateDecision;
}

/**
 * Fixed-window counters against pairing-code guessing. 128-bit codes cannot
 * be brute-forced anyway; this keeps a flood from filling logs and burning
 * CPU. In memory, so each process counts its own attempts. A refused attempt
 * from an address is not counted globally, and once the global budget is
 * spent no address is tracked, so memory stays bounded by `global`.
 */
export function createPairingRateLimiter(options: PairingRateLimitOptions & { readonly clock: Clock }): PairingRateLimiter {
  const perAddress = options.perAddress ?? 10;
  const global = options.global ?? 100;
  const windowMs = options.windowMs ?? 60_000;
  for (const [name, value] of Object.entries({ perAddress, global, windowMs })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`pairingRateLimit.${name}: must be a positive integer`);
  }
  let windowStart = -1;
  let total = 0;
  const byAddress = new Map<string, number>();

  return {
    take(address) {
      const now = options.clock.now().getTime();
      const start = now - (now % windowMs);
      if (start !== windowStart) {
        windowStart = start;
        total = 0;
        byAddress.clear();
      }
      const denied = { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) } as const;
      if (total >= global) return denied;
      const seen = byAddress.get(address) ?? 0;
      if (seen >= perAddress) return denied;
      byAddress.set(address, seen + 1);
      total += 1;
      return { allowed: true };
    },
  };
}
