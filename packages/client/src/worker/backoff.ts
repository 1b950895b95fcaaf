import type { Random } from '@byte8/core';

/** Seconds to wait after the n-th failed attempt, capped at the last step (wire-contract §6.6). */
export const BACKOFF_LADDER_SECONDS: readonly number[] = [60, 300, 1800, 7200, 21600, 43200, 86400];

/** The longest `Retry-After` honoured; a larger value is clamped so a bad header cannot park a row for weeks. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

export interface BackoffOptions {
  readonly ladderSeconds?: readonly number[];
  /** Relative spread around each step, e.g. 0.1 for +/-10 %. Default 0.1. */
  readonly jitter?: number;
}

/** A uniform fraction in [0, 1) from the injectable `Random`. */
export function randomFraction(random: Random): number {
  const bytes = random.bytes(4);
  return (((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0) / 2 ** 32;
}

/**
 * When a transiently failed row is due again. `attempts` is the count after
 * this failure (1 = first failure waits the first step).
 *
 * The ladder step (with jitter, so a backlog that failed together does not
 * retry together) is a floor, and `Retry-After` another: the larger wins.
 * Retry-After is the ledger saying "not before"; the ladder keeps growing
 * when the ledger keeps failing with short Retry-After values.
 */
export function nextAttemptAt(
  now: Date,
  attempts: number,
  retryAfterMs: number | null,
  random: Random,
  options: BackoffOptions = {},
): Date {
  const ladder = options.ladderSeconds ?? BACKOFF_LADDER_SECONDS;
  const jitter = options.jitter ?? 0.1;
  const step = ladder[Math.min(Math.max(attempts, 1), ladder.length) - 1]! * 1000;
  const jittered = step * (1 + jitter * (2 * randomFraction(random) - 1));
  const delay = Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
  return new Date(now.getTime() + Math.round(delay));
}
