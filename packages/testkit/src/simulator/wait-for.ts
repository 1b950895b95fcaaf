export interface WaitOptions {
  /** Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Re-check at least this often even without a change signal. Default 25 ms. */
  readonly intervalMs?: number;
  /** Added to the timeout error. */
  readonly message?: string;
}

/**
 * Resolves with the first truthy value of `condition`, re-checked on every
 * `subscribe` signal and on a short interval; rejects after the timeout.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  options: WaitOptions = {},
  subscribe?: (wake: () => void) => () => void,
): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const deadline = Date.now() + timeoutMs;
  let wake: () => void = () => {};
  const unsubscribe = subscribe?.(() => wake()) ?? (() => {});
  try {
    for (;;) {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`waitFor timed out after ${timeoutMs} ms${options.message ? `: ${options.message}` : ''}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(options.intervalMs ?? 25, left));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    unsubscribe();
  }
}
