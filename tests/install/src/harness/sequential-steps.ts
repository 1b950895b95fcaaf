import { it } from 'vitest';

/**
 * The steps of one install, as tests that run in order: once a step fails,
 * the later ones are skipped (they depend on it) instead of failing with a
 * confusing second error, so the failure is counted once, where it happened.
 */
export function sequentialSteps(): { step(name: string, work: () => Promise<void>, timeoutMs?: number): void; readonly failed: boolean } {
  let failed = false;
  return {
    get failed() {
      return failed;
    },
    step(name, work, timeoutMs) {
      it(
        name,
        async (context) => {
          if (failed) context.skip();
          try {
            await work();
          } catch (error) {
            failed = true;
            throw error;
          }
        },
        timeoutMs,
      );
    },
  };
}
