import { emptyStats, type MutableSageApiStats, type SageApiStats } from './sage-api-stats.js';

/** One request as the simulator saw it. Bodies and tokens are never kept. */
export interface SageRequestRecord {
  readonly at: Date;
  readonly method: string;
  /** Path and query, e.g. `/v3.1/contacts?search=M5`. */
  readonly path: string;
  /** 0 when a fault dropped the connection or left it hanging. */
  readonly status: number;
  readonly businessId: string | null;
  readonly userId: string | null;
  readonly clientId: string | null;
  /** The access token's label (`at_3`), never the token. */
  readonly tokenId: string | null;
  /** The injected fault that answered, if any (`status_503`, `throttle_429`, `drop`, `hang`). */
  readonly fault: string | null;
  readonly note: string | null;
  readonly durationMs: number;
}

/**
 * The request log and counters. The list fills only while recording is on;
 * counters always run. Listeners (the CLI's log line) see every record.
 */
export class SageRequestLog {
  readonly records: SageRequestRecord[] = [];
  readonly stats: MutableSageApiStats = emptyStats();
  readonly #listeners = new Set<(record: SageRequestRecord) => void>();

  constructor(readonly recording: boolean) {}

  add(record: SageRequestRecord): void {
    this.stats.requests += 1;
    if (record.fault !== null) this.stats.faulted += 1;
    if (this.recording) this.records.push(record);
    for (const listener of this.#listeners) listener(record);
  }

  snapshot(): SageApiStats {
    return structuredClone(this.stats);
  }

  onRequest(listener: (record: SageRequestRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.records.length = 0;
    Object.assign(this.stats, emptyStats());
  }
}
