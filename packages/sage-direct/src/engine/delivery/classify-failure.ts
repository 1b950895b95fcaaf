import type { DirectDeliveryResult } from '@byte8/core';
import { OAuthAccessError } from '@byte8/client';
import { SageApiError } from '../../api/sage-api-error.js';
import type { ChipUpdate } from './delivery-context.js';
import { CreateInFlightError, DocumentError } from './document-error.js';

export interface ClassifiedFailure {
  readonly result: DirectDeliveryResult;
  /** The chip to write; null leaves it as it is (pending while a retry or hold is ahead). */
  readonly chip: ChipUpdate | null;
}

/** (c.4, b.8 §20) Sage's own words: each `$message` with its `$source`, for the chip's hover and the detail block. */
function sageWords(error: SageApiError): string {
  const items = error.errors.filter((item) => item.message !== '');
  if (items.length === 0) return error.message;
  return items.map((item) => (item.source && item.source !== 'base' ? `${item.source}: ${item.message}` : item.message)).join('; ');
}

/** (b.9) the failure classes of the ledger's `classify_error`, for transient failures that ran out of attempts. */
function transientClass(error: SageApiError): string {
  return error.kind === 'rate_limited' ? 'rate_limited' : error.kind === 'timeout' || error.kind === 'network' ? 'http' : 'provider';
}

/**
 * A failed delivery as a bookkeeper reads it: Sage's refusal (a 422) is a
 * failed chip with `$dataCode` and `$source: $message`, not retried; a 429,
 * a 5xx or no answer is retried (Retry-After honoured) and only marks the
 * chip failed on the last attempt; a refused or missing connection holds
 * the row (the admin says "reconnect").
 */
export function classifyFailure(error: unknown, lastAttempt: boolean): ClassifiedFailure {
  if (error instanceof OAuthAccessError) {
    if (error.retryable) return retry(null, error.message, null, lastAttempt ? { status: 'failed', errorCode: 'auth', message: error.message } : null);
    return { result: { kind: 'hold', reason: error.message }, chip: null };
  }
  if (error instanceof SageApiError) {
    if (error.kind === 'unauthorized') return { result: { kind: 'hold', reason: error.message }, chip: null };
    const words = sageWords(error);
    if (error.retryable || (error.kind === 'bad_response' && error.outcomeUnknown)) {
      return retry(error.status, error.message, error.retryAfterMs, lastAttempt ? { status: 'failed', errorCode: transientClass(error), message: words } : null);
    }
    const code = error.dataCode ?? (error.kind === 'not_found' ? 'not_found' : `http_${error.status ?? 'error'}`);
    return {
      result: { kind: 'failed', statusCode: error.status, error: `HTTP ${error.status ?? '-'}: ${JSON.stringify(error.errors.map((item) => ({ $dataCode: item.dataCode, $message: item.message, $source: item.source })))}` },
      chip: { status: 'failed', errorCode: code, message: words },
    };
  }
  if (error instanceof DocumentError) {
    return { result: { kind: 'failed', statusCode: null, error: `${error.code}: ${error.message}` }, chip: { status: 'failed', errorCode: error.code, message: error.message } };
  }
  if (error instanceof CreateInFlightError) return retry(null, error.message, 5_000, null);
  const message = error instanceof Error ? error.message : String(error);
  return retry(null, message, null, lastAttempt ? { status: 'failed', errorCode: 'internal', message } : null);
}

function retry(statusCode: number | null, error: string, retryAfterMs: number | null, chip: ChipUpdate | null): ClassifiedFailure {
  return { result: { kind: 'retry', statusCode, error, retryAfterMs }, chip };
}
