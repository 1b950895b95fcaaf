import type { Clock } from '@byte8/core';
import type { SageApiClient, SageApiRequest, SageApiResponse } from '../../api/sage-api-client.js';
import { SageApiError } from '../../api/sage-api-error.js';

/** The calls the engine makes (a subset of `SageApiClient`). */
export interface SageCalls {
  get<T = unknown>(path: string, query?: SageApiRequest['query']): Promise<SageApiResponse<T>>;
  post<T = unknown>(path: string, body: unknown): Promise<SageApiResponse<T>>;
  put<T = unknown>(path: string, body: unknown): Promise<SageApiResponse<T>>;
}

/** Longest a call waits in-process for Sage's `Retry-After` before the row is handed back to the outbox ladder. */
export const MAX_IN_CALL_WAIT_MS = 20_000;

/**
 * One business's calls behind one gate (c.4): a 429 closes the gate until
 * its `Retry-After` for every call of the business, and the call waits and
 * goes again, so a batch runs at Sage's rate instead of hammering it. A
 * wait longer than `maxWaitMs` throws the 429: the row is retried by the
 * outbox, not before `Retry-After`. A 429 means Sage did nothing, so
 * sending again is safe.
 */
export class RetryAfterGate implements SageCalls {
  #openAtMs = 0;

  constructor(
    private readonly api: SageApiClient,
    private readonly clock: Clock,
    private readonly maxWaitMs = MAX_IN_CALL_WAIT_MS,
  ) {}

  get<T = unknown>(path: string, query?: SageApiRequest['query']): Promise<SageApiResponse<T>> {
    return this.#call(() => this.api.get<T>(path, query));
  }

  post<T = unknown>(path: string, body: unknown): Promise<SageApiResponse<T>> {
    return this.#call(() => this.api.post<T>(path, body));
  }

  put<T = unknown>(path: string, body: unknown): Promise<SageApiResponse<T>> {
    return this.#call(() => this.api.put<T>(path, body));
  }

  async #call<T>(send: () => Promise<T>): Promise<T> {
    let waited = 0;
    let refused: SageApiError | null = null;
    for (;;) {
      const wait = this.#openAtMs - this.clock.now().getTime();
      if (wait > 0) {
        if (waited + wait > this.maxWaitMs) {
          throw refused ?? new SageApiError('rate_limited', `Sage asked to wait ${Math.ceil(wait / 1000)} s (Retry-After)`, 'GET', '', 429, [], wait, false);
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
        waited += wait;
      }
      try {
        return await send();
      } catch (error) {
        if (!(error instanceof SageApiError) || error.kind !== 'rate_limited') throw error;
        refused = error;
        this.#openAtMs = Math.max(this.#openAtMs, this.clock.now().getTime() + (error.retryAfterMs ?? 1_000));
      }
    }
  }
}
