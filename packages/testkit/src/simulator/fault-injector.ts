import { FaultQueue } from '../faults/fault-queue.js';
import { type RouteReply, reply } from './http-io.js';

/** Narrows a delivery fault to one event (e.g. `invoice.created`). */
export interface FaultTarget {
  readonly event?: string;
}

export interface ThrottleOptions extends FaultTarget {
  /** 429 or 503. Default 429. */
  readonly status?: number;
  /** `Retry-After` value: seconds or an HTTP date. Default 1. */
  readonly retryAfter?: number | string;
}

/**
 * Faults the simulator injects, in the order they were queued. Delivery faults
 * answer webhook requests before any check, as an overloaded ledger front would.
 * Every fault is cleared by `reset()`.
 */
export class FaultInjector {
  /** Targets are the event a fault is limited to; null: any. */
  readonly #queue = new FaultQueue<RouteReply, string | null>();
  #latencyMs = 0;
  #jwtRejection: string | null = null;
  #healthStatus: number | null = null;

  /** Answers the next `count` deliveries (of `target.event`, if given) with `status` and `body` (default `{"error":"injected"}`). */
  failNext(count: number, status: number, body?: unknown, target: FaultTarget = {}): this {
    return this.#push(count, `status_${status}`, reply(status, body ?? { error: 'injected' }), target);
  }

  /** Answers the next `count` deliveries with 429/503 and a `Retry-After` header. */
  throttleNext(count: number, options: ThrottleOptions = {}): this {
    const status = options.status ?? 429;
    const retryAfter = String(options.retryAfter ?? 1);
    return this.#push(count, `throttle_${status}`, reply(status, { error: 'throttled' }, { 'retry-after': retryAfter }), options);
  }

  /** Destroys the socket of the next `count` deliveries without answering. */
  dropNext(count: number, target: FaultTarget = {}): this {
    return this.#push(count, 'drop', { kind: 'drop' }, target);
  }

  /** Delays every answer of the simulator by `ms`. */
  addLatency(ms: number): this {
    this.#latencyMs = Math.max(0, ms);
    return this;
  }

  /** Refuses every token from the host with 401 `{"error": reason}` (a revoked binding), until reset. */
  rejectJwts(reason = 'token_revoked'): this {
    this.#jwtRejection = reason;
    return this;
  }

  /** Makes `GET /v1/tile/health` answer `status`, until reset. */
  failHealth(status = 503): this {
    this.#healthStatus = status;
    return this;
  }

  reset(): void {
    this.#queue.clear();
    this.#latencyMs = 0;
    this.#jwtRejection = null;
    this.#healthStatus = null;
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  get jwtRejection(): string | null {
    return this.#jwtRejection;
  }

  get healthStatus(): number | null {
    return this.#healthStatus;
  }

  /** Queued delivery faults not yet used. */
  get pendingDeliveryFaults(): number {
    return this.#queue.pending;
  }

  /** Takes the first queued fault that applies to a delivery of `event`, if any. */
  takeDeliveryFault(event: string): { readonly label: string; readonly reply: RouteReply } | null {
    return this.#queue.take((target) => target === null || target === event);
  }

  #push(count: number, label: string, faultReply: RouteReply, target: FaultTarget): this {
    this.#queue.push(count, label, faultReply, target.event ?? null);
    return this;
  }
}
