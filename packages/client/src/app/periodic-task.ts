import type { Logger } from '@byte8/core';

/** A background task run every `intervalMs` until stopped; one run at a time, failures logged. */
export interface PeriodicTask {
  start(): void;
  /** Waits for a run in progress. */
  stop(): Promise<void>;
}

export function periodicTask(name: string, intervalMs: number, run: (signal: AbortSignal) => Promise<unknown>, logger: Logger): PeriodicTask {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let abort = new AbortController();

  const tick = () => {
    if (running) return;
    running = run(abort.signal)
      .catch((error: unknown) => logger.error({ task: name, error: String(error) }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  };

  return {
    start() {
      if (timer || intervalMs <= 0) return;
      abort = new AbortController();
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      abort.abort();
      await running;
    },
  };
}
