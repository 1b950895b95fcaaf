import { type Clock, systemClock } from '@byte8/core';
import type { SageHttp } from '../http/sage-http.js';
import { SageTransportError } from '../http/sage-transport-error.js';
import { SageApiError } from './sage-api-error.js';
import { parseSageErrorItems } from './sage-error-items.js';

/** A token and the business (`X-Business`, c.1) a call acts for; null: the user's lead business. */
export interface SageApiAccess {
  readonly accessToken: string;
  readonly businessId: string | null;
}

/**
 * Where the client gets its token. `access` is asked before every call;
 * after a 401 `AuthenticationFailure`, `renew` (when given) is asked once for
 * a new token; when Sage still refuses, `refused` is told why.
 */
export interface SageApiAuth {
  access(): Promise<SageApiAccess>;
  renew?(rejectedToken: string): Promise<SageApiAccess>;
  refused?(reason: string): Promise<unknown>;
}

export interface SageApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the API base, e.g. `/contacts` or `/sales_invoices/{id}/release`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON, e.g. `{ contact: { ... } }` (bodies are wrapped in the singular root key). */
  readonly body?: unknown;
}

export interface SageApiResponse<T = unknown> {
  readonly status: number;
  /** The parsed JSON; null for 204. */
  readonly body: T;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface SageApiClientOptions {
  /** `https://api.accounting.sage.com/v3.1` or a simulator's. */
  readonly apiBaseUrl: string;
  readonly http: SageHttp;
  readonly auth: SageApiAuth;
  readonly maxResponseBytes: number;
  readonly clock?: Clock;
}

const SAFE_PATH = /^\/(?:[A-Za-z0-9_.~-]+\/?)*$/;

/**
 * Authorized calls to the Sage Business Cloud Accounting API v3.1: bearer
 * token and `X-Business` (c.1), JSON in and out, Sage's error array parsed
 * into a classified `SageApiError` (c.4). A refused token gets one renewal
 * and one retry (a 401 means Sage did not process the call); a second
 * refusal is reported to `auth.refused` (the connection needs a reconnect).
 *
 * @example
 * const { body } = await api.post<{ id: string }>('/contacts', { contact: { name: 'Ada', contact_type_ids: ['CUSTOMER'] } });
 * await api.get('/sales_invoices', { search: 'SI-1', attributes: 'all' });
 */
export class SageApiClient {
  readonly #options: SageApiClientOptions;
  readonly #base: URL;

  constructor(options: SageApiClientOptions) {
    this.#options = options;
    this.#base = new URL(options.apiBaseUrl.replace(/\/+$/, ''));
  }

  get<T = unknown>(path: string, query?: SageApiRequest['query']): Promise<SageApiResponse<T>> {
    return this.request<T>({ method: 'GET', path, ...(query ? { query } : {}) });
  }

  post<T = unknown>(path: string, body: unknown): Promise<SageApiResponse<T>> {
    return this.request<T>({ method: 'POST', path, body });
  }

  put<T = unknown>(path: string, body: unknown): Promise<SageApiResponse<T>> {
    return this.request<T>({ method: 'PUT', path, body });
  }

  delete<T = unknown>(path: string, query?: SageApiRequest['query']): Promise<SageApiResponse<T>> {
    return this.request<T>({ method: 'DELETE', path, ...(query ? { query } : {}) });
  }

  /** One call; throws `SageApiError` (or the auth's own error, e.g. `OAuthAccessError`). */
  async request<T = unknown>(request: SageApiRequest): Promise<SageApiResponse<T>> {
    const url = this.#url(request);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const { auth } = this.#options;
    let access = await auth.access();
    let answer = await this.#send(request.method, request.path, url, access, body);
    if (answer.status === 401 && auth.renew && this.#dataCode(answer) !== 'AuthorizationFailure') {
      access = await auth.renew(access.accessToken);
      answer = await this.#send(request.method, request.path, url, access, body);
    }
    const now = (this.#options.clock ?? systemClock).now();
    if (answer.status < 200 || answer.status > 299) {
      const error = SageApiError.fromAnswer(request.method, request.path, answer, now);
      if (error.kind === 'unauthorized') await auth.refused?.(`Sage refused the connection: ${error.errors[0]?.message || 'HTTP 401'}. Reconnect to Sage.`);
      throw error;
    }
    return { status: answer.status, body: this.#parse<T>(request, answer), headers: answer.headers };
  }

  #url(request: SageApiRequest): URL {
    // Paths stay under the API base: no `..`, no `//`, no absolute URL, so a caller's id cannot point the token elsewhere.
    if (typeof request.path !== 'string' || !SAFE_PATH.test(request.path) || request.path.split('/').some((part) => part === '..' || part === '.')) {
      throw new TypeError(`SageApiClient: path must be a relative API path like /contacts/{id} (got ${JSON.stringify(String(request.path).slice(0, 80))})`);
    }
    const url = new URL(`${this.#base.href}${request.path}`);
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  async #send(method: string, path: string, url: URL, access: SageApiAccess, body: string | undefined) {
    const headers: Record<string, string> = { authorization: `Bearer ${access.accessToken}`, accept: 'application/json' };
    if (access.businessId) headers['x-business'] = access.businessId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await this.#options.http.send({ url, method, headers, ...(body === undefined ? {} : { body }), maxBytes: this.#options.maxResponseBytes });
    } catch (error) {
      if (error instanceof SageTransportError) throw SageApiError.fromTransport(method, path, error);
      throw error;
    }
  }

  #dataCode(answer: { text: string }): string | null {
    return parseSageErrorItems(answer.text)[0]?.dataCode || null;
  }

  #parse<T>(request: SageApiRequest, answer: { status: number; text: string }): T {
    if (answer.status === 204 || answer.text === '') return null as T;
    try {
      return JSON.parse(answer.text) as T;
    } catch {
      throw new SageApiError('bad_response', `Sage answered ${request.method} ${request.path} with a body that is not JSON`, request.method, request.path, answer.status, [], null, request.method !== 'GET');
    }
  }
}
