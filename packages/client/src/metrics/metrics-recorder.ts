/** How one delivery attempt ended (the outbox's `DeliveryOutcome` kinds). */
export type DeliveryOutcomeKind = 'succeeded' | 'retry' | 'dead_lettered';

/**
 * What the drain worker and `publishNow` report after each HTTP attempt.
 * Implementations must be cheap and never throw: they run on the hot path.
 */
export interface MetricsRecorder {
  /** One attempt to `provider` ended with `outcome` after `latencyMs` of HTTP time. */
  delivery(provider: string, outcome: DeliveryOutcomeKind, latencyMs: number): void;
}

/** Records nothing; the default when metrics are not wanted. */
export const noopMetricsRecorder: MetricsRecorder = { delivery() {} };
