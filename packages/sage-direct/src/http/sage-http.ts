import { readCapped } from '@byte8/client';
import { Agent, type Dispatcher } from 'undici';
import { SageTransportError } from './sage-transport-error.js';

export interface SageHttpOptions {
  readonly connectTimeoutMs: number;
  readonly timeoutMs: number;
  /** A dispatcher to use instead of an own keep-alive agent; `close()` leaves it open. */
  readonly dispatcher: Dispatcher | null;
}

export interface SageHttpRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Bytes of the answer read at most; more is a `too_large` failure. */
  readonly maxBytes: number;
}

export interface SageHttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

// undici and Node codes of a connection that never opened: nothing reached Sage.
const NOT_SENT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_INVALID_ARG']);

/** Every call to Sage (OAuth and API): one keep-alive agent, a whole-call timeout, capped answers. */
export class SageHttp {
  readonly #options: SageHttpOptions;
  readonly #owned: Agent | null;
  readonly #dispatcher: Dispatcher;

  constructor(options: SageHttpOptions) {
    this.#options = options;
    this.#owned = options.dispatcher
      ? null
      : new Agent({
          connect: { timeout: options.connectTimeoutMs },
          connections: 16,
          keepAliveTimeout: 30_000,
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        });
    this.#dispatcher = options.dispatcher ?? this.#owned!;
  }

  /** Sends one request; throws `SageTransportError` when no complete answer came. Redirects are not followed. */
  async send(request: SageHttpRequest): Promise<SageHttpAnswer> {
    const signal = AbortSignal.timeout(this.#options.timeoutMs);
    try {
      const answer = await this.#dispatcher.request({
        origin: request.url.origin,
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: { ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal,
      });
      const { text, truncated } = await readCapped(answer.body, request.maxBytes);
      if (truncated) throw new SageTransportError('too_large', `Sage's answer is larger than ${request.maxBytes} bytes`, true);
      return { status: answer.statusCode, headers: answer.headers, text };
    } catch (error) {
      if (error instanceof SageTransportError) throw error;
      const err = error as { name?: string; code?: string; message?: string };
      if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT') {
        throw new SageTransportError('timeout', `Sage did not answer within ${this.#options.timeoutMs} ms`, true);
      }
      const sent = !(err.code !== undefined && NOT_SENT.has(err.code));
      throw new SageTransportError('network', `the connection to Sage failed: ${[err.code, err.message].filter(Boolean).join(': ')}`, sent);
    }
  }

  async close(): Promise<void> {
    await this.#owned?.close();
  }
}
