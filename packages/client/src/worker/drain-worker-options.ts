import { DEFAULT_LEDGER_BASE_URL } from '../transport/resolve-ledger-auth.js';
import { BACKOFF_LADDER_SECONDS } from './backoff.js';

/** Tuning of the drain worker; every field has a default. */
export interface DrainWorkerOptions {
  /** Lease owner name; default `<hostname>:<pid>:<random>`. */
  readonly workerId?: string;
  /** Rows claimed per pass. Default 200. */
  readonly batchSize?: number;
  /** Deliveries in flight per pass. Default 32. */
  readonly concurrency?: number;
  /** Sleep between passes when nothing woke the worker. Default 1 000 ms. */
  readonly pollIntervalMs?: number;
  /**
   * Poll interval for one `pollIntervalMs` after a pass that found work. Concurrent enqueues
   * share one NOTIFY (migration 0002), so a row committed just after the wake-up it shared is
   * picked up this soon instead of at the next poll. 0 turns it off. Default 50 ms.
   */
  readonly followUpMs?: number;
  /**
   * How long a claim holds a row. Must outlast a pass: at most
   * ceil(batchSize / concurrency) rounds of `deliveryTimeoutMs`, plus a second
   * for the claim and the complete (with the defaults 7 x 15 s + 1 s); a
   * shorter lease is refused at boot, since another worker could take and
   * send rows still in flight. Default 300 000 ms.
   */
  readonly leaseMs?: number;
  /** The transport's whole-request timeout (the ledger's `totalTimeoutMs`). Default 15 000 ms. */
  readonly deliveryTimeoutMs?: number;
  /** Finished attempts before a transient row is dead-lettered. Default 10 (wire-contract §6.6). */
  readonly maxAttempts?: number;
  /**
   * Claims without a finished attempt tolerated before a row is dead-lettered as poison.
   * Default 5: after a crash the suspects are retried alone, and a worker killed again and
   * again right after it starts (a crash loop, not a bad row) must not condemn the row at
   * the head of the queue; 3 misfired once in the SIGKILL reliability test.
   */
  readonly poisonThreshold?: number;
  /** Bound on `stop()`; rows still out after it come back when their lease expires. Default 20 000 ms. */
  readonly stopTimeoutMs?: number;
  /** How often the loop runs GC; 0 turns it off. Default hourly. */
  readonly gcIntervalMs?: number;
  /** Succeeded rows older than this are purged. Default 30 (wire-contract §6.11). */
  readonly gcRetentionDays?: number;
  /** Rows deleted per statement. Default 1 000. */
  readonly gcBatchSize?: number;
  readonly backoffLadderSeconds?: readonly number[];
  /** Relative jitter of each backoff step. Default 0.1. */
  readonly jitter?: number;
  /** Ledger used when a connection has no stored base URL. */
  readonly defaultBaseUrl?: string;
}

export type ResolvedWorkerOptions = Required<Omit<DrainWorkerOptions, 'workerId'>> & {
  readonly workerId?: string;
  /** The longest a pass can take (its deliveries' timeouts, claim and complete): what a lease must outlast. */
  readonly longestPassMs: number;
};

/** Claim and complete of one pass, on top of its deliveries. */
const LEASE_MARGIN_MS = 1_000;

function positiveInt(name: string, value: number | undefined, fallback: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw new Error(`drain worker option ${name} must be an integer >= ${min}, got ${value}`);
  return v;
}

/** Applies defaults and fails closed, naming the bad setting. */
export function resolveWorkerOptions(options: DrainWorkerOptions): ResolvedWorkerOptions {
  const jitter = options.jitter ?? 0.1;
  if (!(jitter >= 0 && jitter < 1)) throw new Error(`drain worker option jitter must be in [0, 1), got ${options.jitter}`);
  const ladder = options.backoffLadderSeconds ?? BACKOFF_LADDER_SECONDS;
  if (ladder.length === 0 || ladder.some((s) => !(s >= 0))) {
    throw new Error('drain worker option backoffLadderSeconds must be a non-empty list of seconds >= 0');
  }
  const batchSize = positiveInt('batchSize', options.batchSize, 200);
  const concurrency = positiveInt('concurrency', options.concurrency, 32);
  const leaseMs = positiveInt('leaseMs', options.leaseMs, 300_000);
  const deliveryTimeoutMs = positiveInt('deliveryTimeoutMs', options.deliveryTimeoutMs, 15_000);
  const rounds = Math.ceil(batchSize / concurrency);
  const longestPassMs = rounds * deliveryTimeoutMs + LEASE_MARGIN_MS;
  if (leaseMs < longestPassMs) {
    throw new Error(
      `drain worker option leaseMs (${leaseMs} ms) must outlast the longest pass: ceil(batchSize ${batchSize} / concurrency ${concurrency}) = ${rounds} ` +
        `rounds x ${deliveryTimeoutMs} ms delivery timeout + ${LEASE_MARGIN_MS} ms = ${longestPassMs} ms; raise leaseMs or concurrency, or lower batchSize or the ledger's totalTimeoutMs`,
    );
  }
  return {
    ...(options.workerId !== undefined ? { workerId: options.workerId } : {}),
    batchSize,
    concurrency,
    pollIntervalMs: positiveInt('pollIntervalMs', options.pollIntervalMs, 1_000),
    followUpMs: positiveInt('followUpMs', options.followUpMs, 50, 0),
    leaseMs,
    deliveryTimeoutMs,
    longestPassMs,
    maxAttempts: positiveInt('maxAttempts', options.maxAttempts, 10),
    poisonThreshold: positiveInt('poisonThreshold', options.poisonThreshold, 5),
    stopTimeoutMs: positiveInt('stopTimeoutMs', options.stopTimeoutMs, 20_000),
    gcIntervalMs: positiveInt('gcIntervalMs', options.gcIntervalMs, 3_600_000, 0),
    gcRetentionDays: positiveInt('gcRetentionDays', options.gcRetentionDays, 30),
    gcBatchSize: positiveInt('gcBatchSize', options.gcBatchSize, 1_000),
    backoffLadderSeconds: ladder,
    jitter,
    defaultBaseUrl: options.defaultBaseUrl ?? DEFAULT_LEDGER_BASE_URL,
  };
}
