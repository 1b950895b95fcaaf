import type { DeliveryOutcomeKind, MetricsRecorder } from './metrics-recorder.js';

/** Upper bounds (ms) of the latency buckets; `+Inf` is implied. */
export const DEFAULT_LATENCY_BUCKETS_MS: readonly number[] = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 15000];

export interface LatencyHistogram {
  readonly provider: string;
  /** Cumulative counts per upper bound in ms (Prometheus `le`), ending with `Infinity`. */
  readonly buckets: ReadonlyArray<{ readonly leMs: number; readonly count: number }>;
  readonly sumMs: number;
  readonly count: number;
}

export interface DeliveryStats {
  readonly deliveries: ReadonlyArray<{ readonly provider: string; readonly outcome: DeliveryOutcomeKind; readonly count: number }>;
  readonly latency: readonly LatencyHistogram[];
}

/** A `MetricsRecorder` that keeps process-local counters and a latency histogram. */
export interface DeliveryMetrics extends MetricsRecorder {
  read(): DeliveryStats;
}

/**
 * In-memory delivery counters for one process. Each worker process exposes
 * its own; Prometheus sums them across instances.
 *
 * @example
 * const deliveries = createDeliveryMetrics();
 * deliveries.delivery('sage_accounting', 'succeeded', 42);
 */
export function createDeliveryMetrics(bucketsMs: readonly number[] = DEFAULT_LATENCY_BUCKETS_MS): DeliveryMetrics {
  const bounds = [...bucketsMs].sort((a, b) => a - b);
  const outcomes = new Map<string, { provider: string; outcome: DeliveryOutcomeKind; count: number }>();
  const histograms = new Map<string, { counts: number[]; sumMs: number; count: number }>();
  return {
    delivery(provider, outcome, latencyMs) {
      const key = `${provider}\u0000${outcome}`;
      const entry = outcomes.get(key) ?? { provider, outcome, count: 0 };
      entry.count += 1;
      outcomes.set(key, entry);
      const histogram = histograms.get(provider) ?? { counts: new Array<number>(bounds.length + 1).fill(0), sumMs: 0, count: 0 };
      const ms = Number.isFinite(latencyMs) && latencyMs > 0 ? latencyMs : 0;
      const slot = bounds.findIndex((bound) => ms <= bound);
      histogram.counts[slot === -1 ? bounds.length : slot]! += 1;
      histogram.sumMs += ms;
      histogram.count += 1;
      histograms.set(provider, histogram);
    },
    read() {
      const latency = [...histograms.entries()].map(([provider, h]) => {
        let running = 0;
        const buckets = [...bounds, Number.POSITIVE_INFINITY].map((leMs, index) => {
          running += h.counts[index]!;
          return { leMs, count: running };
        });
        return { provider, buckets, sumMs: h.sumMs, count: h.count };
      });
      return { deliveries: [...outcomes.values()].map((entry) => ({ ...entry })), latency };
    },
  };
}
