import { parseRetryAfter } from '@byte8/client';
import type { SageHttpAnswer } from '../http/sage-http.js';
import type { SageTransportError } from '../http/sage-transport-error.js';
import { parseSageErrorItems, type SageErrorItem } from './sage-error-items.js';

/**
 * What a failed call means (c.4):
 * - `unauthorized` (401): the token or the business was refused; not retried;
 * - `rate_limited` (429): retry after `retryAfterMs`;
 * - `unavailable` (408, 5xx): retry later (`retryAfterMs` when Sage sent one);
 * - `invalid` (422 `RecordInvalid`): the document is wrong; retrying cannot help;
 * - `not_found` (404), `rejected` (any other 4xx): not retried;
 * - `timeout`, `network`: no answer; retry;
 * - `bad_response`: a 2xx that could not be read (not JSON, too large).
 */
export type SageApiErrorKind = 'unauthorized' | 'rate_limited' | 'unavailable' | 'invalid' | 'not_found' | 'rejected' | 'timeout' | 'network' | 'bad_response';

const RETRYABLE: ReadonlySet<SageApiErrorKind> = new Set(['rate_limited', 'unavailable', 'timeout', 'network']);

/** A Sage API call that did not succeed, classified for the caller's retry decision. */
export class SageApiError extends Error {
  /** True when retrying the same call later can succeed. */
  readonly retryable: boolean;

  constructor(
    readonly kind: SageApiErrorKind,
    message: string,
    readonly method: string,
    readonly path: string,
    /** The HTTP status; null when no answer came. */
    readonly status: number | null,
    /** Sage's error array (c.4), parsed. */
    readonly errors: readonly SageErrorItem[],
    /** From `Retry-After` (429, 503), in milliseconds. */
    readonly retryAfterMs: number | null,
    /**
     * A write (POST, PUT, DELETE) that may have been applied although no
     * success was read: a 5xx, a timeout or a dropped connection after the
     * request went out, an unreadable 2xx. Look before sending it again.
     */
    readonly outcomeUnknown: boolean,
  ) {
    super(message);
    this.name = 'SageApiError';
    this.retryable = RETRYABLE.has(kind);
  }

  /** The first `$dataCode` Sage gave, e.g. `RecordInvalid`. */
  get dataCode(): string | null {
    return this.errors[0]?.dataCode || null;
  }

  /** An error for an answer that is not a 2xx. */
  static fromAnswer(method: string, path: string, answer: SageHttpAnswer, now: Date): SageApiError {
    const { status } = answer;
    const errors = parseSageErrorItems(answer.text);
    const kind: SageApiErrorKind =
      status === 401 ? 'unauthorized'
        : status === 429 ? 'rate_limited'
          : status === 408 || status >= 500 ? 'unavailable'
            : status === 422 ? 'invalid'
              : status === 404 ? 'not_found'
                : 'rejected';
    const write = method !== 'GET';
    const detail = errors.slice(0, 3).map((item) => [item.dataCode, item.source && item.source !== 'base' ? `${item.source}:` : '', item.message].filter(Boolean).join(' '));
    const message = `Sage answered HTTP ${status} to ${method} ${path}${detail.length > 0 ? `: ${detail.join('; ')}` : ''}`;
    return new SageApiError(kind, message, method, path, status, errors, parseRetryAfter(answer.headers['retry-after'], now), write && status >= 500);
  }

  /** An error for a call that got no answer. */
  static fromTransport(method: string, path: string, error: SageTransportError): SageApiError {
    const kind: SageApiErrorKind = error.failure === 'too_large' ? 'bad_response' : error.failure;
    return new SageApiError(kind, `${method} ${path}: ${error.message}`, method, path, null, [], null, method !== 'GET' && error.requestSent);
  }
}
