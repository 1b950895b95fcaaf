/**
 * The most attempts one row can make within `windowMs` if the worker honours
 * its ladder: the first attempt at once, then each next one at least
 * `step * (1 - jitter)` after the previous (a Retry-After only lengthens it).
 */
export function maxAttemptsWithin(windowMs: number, ladderSeconds: readonly number[], jitter: number): number {
  let attempts = 1;
  let elapsed = 0;
  for (;;) {
    const step = ladderSeconds[Math.min(attempts, ladderSeconds.length) - 1]! * 1000 * (1 - jitter);
    if (elapsed + step > windowMs) return attempts;
    elapsed += step;
    attempts += 1;
  }
}
