import type { DeliveryOutcome, DeliveryResponse, OutboxRow, Random } from '@byte8/core';
import { classifyResponse } from '../transport/classify-response.js';
import { type BackoffOptions, nextAttemptAt } from './backoff.js';

/** Response bodies kept in `last_error` are cut here (wire-contract §6.5). */
export const MAX_ERROR_BODY_BYTES = 8192;
export const TRUNCATION_MARKER = '... [truncated]';

export interface OutcomePolicy extends BackoffOptions {
  readonly maxAttempts: number;
  readonly random: Random;
}

/** Cuts at `MAX_ERROR_BODY_BYTES` of UTF-8 without splitting a character, then appends the marker. */
export function cutBody(body: string): string {
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length <= MAX_ERROR_BODY_BYTES) return body;
  let end = MAX_ERROR_BODY_BYTES;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8') + TRUNCATION_MARKER;
}

/**
 * Turns one delivery answer into the outcome the outbox records (wire-contract
 * §6.5 table, design §5): 2xx succeeded; a deterministic 4xx is dead-lettered
 * at once with `HTTP <code>: <body>`; a transient failure is retried on the
 * ladder, or dead-lettered with the `transient_exhausted: ` prefix once
 * `maxAttempts` attempts have finished.
 */
export function outcomeFor(row: OutboxRow, response: DeliveryResponse, at: Date, policy: OutcomePolicy): DeliveryOutcome {
  const kind = classifyResponse(response);
  if (response.kind === 'response' && kind === 'success') {
    return { kind: 'succeeded', id: row.id, statusCode: response.statusCode, at };
  }
  if (response.kind === 'response' && kind === 'rejected') {
    return {
      kind: 'dead_lettered',
      id: row.id,
      statusCode: response.statusCode,
      error: `HTTP ${response.statusCode}: ${cutBody(response.body)}`,
      at,
    };
  }
  const message =
    response.kind === 'network-error'
      ? `Network error publishing ${row.eventName} to Byte8: ${response.message}`
      : `Byte8 returned HTTP ${response.statusCode} for ${row.eventName}; will retry.`;
  const attempts = row.attempts + 1;
  if (attempts >= policy.maxAttempts) {
    // The contract keeps last_status_code NULL for an exhausted row.
    return { kind: 'dead_lettered', id: row.id, statusCode: null, error: `transient_exhausted: ${message}`, at };
  }
  const retryAfterMs = response.kind === 'response' ? response.retryAfterMs : null;
  return {
    kind: 'retry',
    id: row.id,
    // Kept (unlike Magento's NULL) so an operator can tell a 429 from a 503; null for network errors.
    statusCode: response.kind === 'response' ? response.statusCode : null,
    error: message,
    at,
    nextAttemptAt: nextAttemptAt(at, attempts, retryAfterMs, policy.random, policy),
  };
}
