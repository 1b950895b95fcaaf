import { FaultQueue, type TakenFault } from '../../faults/fault-queue.js';
import { sageErrorItem } from '../http/sage-error.js';
import { jsonReply, type SageReply } from '../http/sage-reply.js';

/**
 * Which requests a fault answers: a method and/or a path (a string matches
 * paths that start with it, e.g. `/v3.1/sales_invoices`; a RegExp is tested
 * against the path). Empty: any request, OAuth endpoints included.
 */
export interface SageFaultTarget {
  readonly method?: string;
  readonly path?: string | RegExp;
}

export interface SageThrottleOptions extends SageFaultTarget {
  /** Default 429. */
  readonly status?: number;
  /** `Retry-After` in seconds (or an HTTP date). Default 1. */
  readonly retryAfter?: number | string;
}

const DATA_CODES: Readonly<Record<number, string>> = { 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout', 429: 'TooManyRequests' };

function matches(target: SageFaultTarget, method: string, path: string): boolean {
  if (target.method !== undefined && target.method.toUpperCase() !== method) return false;
  if (target.path === undefined) return true;
  return typeof target.path === 'string' ? path.startsWith(target.path) : target.path.test(path);
}

/**
 * Faults the Sage simulator injects, in the order queued, before anything else
 * is looked at (as an overloaded front would answer), so a faulted request
 * changes no state. Same shape as the ledger simulator's injector; the
 * user-side revocation lives on the simulator (`sim.revokeApp`).
 */
export class SageFaultInjector {
  readonly #queue = new FaultQueue<SageReply, SageFaultTarget>();
  /** Faults answered after the request was applied: Sage committed, the client never hears it. */
  readonly #afterApply = new FaultQueue<SageReply, SageFaultTarget>();
  #latencyMs = 0;

  /** Answers the next `count` matching requests with `status` and Sage's error array (or `body`); argument order as the ledger simulator's. */
  failNext(count: number, status: number, body?: unknown, target: SageFaultTarget = {}): this {
    const errors = body ?? [sageErrorItem(DATA_CODES[status] ?? 'InjectedFault', `Injected fault: HTTP ${status}`)];
    this.#queue.push(count, `status_${status}`, jsonReply(status, errors), { ...target });
    return this;
  }

  /** Answers the next `count` matching requests with 429 (or `status`) and `Retry-After`. */
  throttleNext(count: number, options: SageThrottleOptions = {}): this {
    const status = options.status ?? 429;
    const reply = jsonReply(status, [sageErrorItem(DATA_CODES[status] ?? 'TooManyRequests', 'Too many requests. Please retry later.')], { 'retry-after': String(options.retryAfter ?? 1) });
    this.#queue.push(count, `throttle_${status}`, reply, { method: options.method, path: options.path });
    return this;
  }

  /** Destroys the socket of the next `count` matching requests without an answer. */
  dropNext(count: number, target: SageFaultTarget = {}): this {
    this.#queue.push(count, 'drop', { kind: 'drop' }, { ...target });
    return this;
  }

  /** Never answers the next `count` matching requests (the client's timeout fires; `stop()` closes them). */
  hangNext(count: number, target: SageFaultTarget = {}): this {
    this.#queue.push(count, 'hang', { kind: 'hang' }, { ...target });
    return this;
  }

  /**
   * Applies the next `count` matching requests (the object is created), then
   * destroys the socket without an answer: a timeout after Sage committed.
   */
  applyThenDropNext(count: number, target: SageFaultTarget = {}): this {
    this.#afterApply.push(count, 'applied_then_drop', { kind: 'drop' }, { ...target });
    return this;
  }

  /** Applies the next `count` matching requests, then answers `status` (a 5xx after the commit). */
  applyThenFailNext(count: number, status: number, target: SageFaultTarget = {}): this {
    const reply = jsonReply(status, [sageErrorItem(DATA_CODES[status] ?? 'InjectedFault', `Injected fault after the request was applied: HTTP ${status}`)]);
    this.#afterApply.push(count, `applied_then_${status}`, reply, { ...target });
    return this;
  }

  /** Delays every answer by `ms`. */
  addLatency(ms: number): this {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a non-negative number of ms, got ${ms}`);
    this.#latencyMs = ms;
    return this;
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** Queued answers not yet used. */
  get pending(): number {
    return this.#queue.pending + this.#afterApply.pending;
  }

  take(method: string, path: string): TakenFault<SageReply> | null {
    return this.#queue.take((target) => matches(target, method, path));
  }

  /** The answer replacing the real one of a request that was just applied, if one is queued. */
  takeAfterApply(method: string, path: string): TakenFault<SageReply> | null {
    return this.#afterApply.take((target) => matches(target, method, path));
  }

  reset(): void {
    this.#afterApply.clear();
    this.#queue.clear();
    this.#latencyMs = 0;
  }
}
