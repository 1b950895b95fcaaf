import { callbackLine, deliveryLine, pullLine } from './activity-lines.js';
import type { CallbackRecord, DeliveryRecord, ProcessingRecord, PullRecord, RecordedExchange, SimulatorStats } from './records.js';

type MutableStats = { -readonly [K in keyof SimulatorStats]: SimulatorStats[K] };

const emptyStats = (): MutableStats => ({
  deliveries: 0,
  accepted: 0,
  uniqueKeys: 0,
  duplicateDeliveries: 0,
  rejected: 0,
  faulted: 0,
  pulls: 0,
  callbacks: 0,
});

/**
 * Everything the simulator saw and did. Counters always run; the lists only
 * fill when recording is on, so long benchmarks stay flat in memory.
 */
export class RequestLog {
  readonly exchanges: RecordedExchange[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  readonly pulls: PullRecord[] = [];
  readonly callbacks: CallbackRecord[] = [];
  readonly processed: ProcessingRecord[] = [];
  #stats = emptyStats();
  /** Listeners woken on every new record (used by `waitFor`). */
  readonly #listeners = new Set<() => void>();

  /** `announce` gets one readable line per delivery, pull and callback (the CLI prints them). */
  constructor(
    readonly recording: boolean,
    readonly announce: ((line: string) => void) | null = null,
  ) {}

  get stats(): SimulatorStats {
    return { ...this.#stats };
  }

  exchange(entry: RecordedExchange): void {
    if (this.recording) this.exchanges.push(entry);
    this.#notify();
  }

  delivery(entry: DeliveryRecord, counted: { readonly newKey: boolean }): void {
    const stats = this.#stats;
    stats.deliveries += 1;
    if (entry.fault !== null) stats.faulted += 1;
    else if (entry.status === 202) {
      stats.accepted += 1;
      if (entry.duplicate) stats.duplicateDeliveries += 1;
      if (counted.newKey) stats.uniqueKeys += 1;
    } else stats.rejected += 1;
    if (this.recording) this.deliveries.push(entry);
    this.announce?.(deliveryLine(entry));
    this.#notify();
  }

  pull(entry: PullRecord): void {
    this.#stats.pulls += 1;
    if (this.recording) this.pulls.push(entry);
    this.announce?.(pullLine(entry));
    this.#notify();
  }

  callback(entry: CallbackRecord): void {
    this.#stats.callbacks += 1;
    if (this.recording) this.callbacks.push(entry);
    this.announce?.(callbackLine(entry));
    this.#notify();
  }

  /** Processing outcomes are always kept: health and `/v1/status` read them. */
  processedRun(entry: ProcessingRecord): void {
    this.processed.push(entry);
    this.#notify();
  }

  /** Forgets records and counters (not tenants, not idempotency keys). */
  clear(): void {
    for (const list of [this.exchanges, this.deliveries, this.pulls, this.callbacks, this.processed]) list.length = 0;
    this.#stats = emptyStats();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
