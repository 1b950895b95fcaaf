import { type RouteReply, reply } from './http-io.js';

interface QueuedFault {
  remaining: number;
  readonly label: string;
  readonly reply: RouteReply;
}

export interface ThrottleOptions {
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
  readonly #queue: QueuedFault[] = [];
  #latencyMs = 0;
  #jwtRejection: string | null = null;
  #healthStatus: number | null = null;

  /** Answers the next `count` deliveries with `status` (and `body`, default `{"error":"injected"}`). */
  failNext(count: number, status: number, body?: unknown): this {
    return this.#push(count, `status_${status}`, reply(status, body ?? { error: 'injected' }));
  }

  /** Answers the next `count` deliveries with 429/503 and a `Retry-After` header. */
  throttleNext(count: number, options: ThrottleOptions = {}): this {
    const status = options.status ?? 429;
    const retryAfter = String(options.retryAfter ?? 1);
    return this.#push(count, `throttle_${status}`, reply(status, { error: 'throttled' }, { 'retry-after': retryAfter }));
  }

  /** Destroys the socket of the next `count` deliveries without answering. */
  dropNext(count: number): this {
    return this.#push(count, 'drop', { kind: 'drop' });
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
    this.#queue.length = 0;
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
    return this.#queue.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** Takes the fault that answers the current delivery, if any. */
  takeDeliveryFault(): { readonly label: string; readonly reply: RouteReply } | null {
    const head = this.#queue[0];
    if (head === undefined) return null;
    head.remaining -= 1;
    if (head.remaining <= 0) this.#queue.shift();
    return { label: head.label, reply: head.reply };
  }

  #push(count: number, label: string, faultReply: RouteReply): this {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`fault count must be a positive integer, got ${count}`);
    this.#queue.push({ remaining: count, label, reply: faultReply });
    return this;
  }
}
