import type { OutboxRow } from '../ports/outbox-store.js';

/**
 * How one outbox row went in direct mode. The engine has already written the
 * sync-state chip (synced, skipped, or failed for good) before answering:
 * - `synced` / `skipped`: the outbox row succeeded;
 * - `failed`: the provider refused the document for good (a 422): the row is
 *   dead-lettered with `error`, so an operator can fix the cause and requeue;
 * - `retry`: try again later (429, 5xx, no answer), not before `retryAfterMs`;
 * - `hold`: the connection cannot post now (reconnect needed, not connected):
 *   the row waits untouched, no attempt counted.
 */
export type DirectDeliveryResult =
  | { readonly kind: 'synced' | 'skipped' }
  | { readonly kind: 'failed'; readonly statusCode: number | null; readonly error: string }
  | { readonly kind: 'retry'; readonly statusCode: number | null; readonly error: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'hold'; readonly reason: string };

export interface DirectDeliveryRequest {
  readonly row: OutboxRow;
  /** The worker gives up after this attempt when it fails transiently: the engine writes a failed chip. */
  readonly lastAttempt: boolean;
}

/**
 * A direct mode that posts documents itself (e.g. Sage direct): it consumes
 * the same outbox rows as the ledger mode, reads the host's canonical
 * entities through the same `CanonicalSource`, and writes the same
 * sync-state mirror the ledger's callbacks write.
 */
export interface DirectDocumentDelivery {
  /**
   * The account rows are posted to now (the chosen business), or null when
   * rows must wait: not connected, reconnect needed, no business chosen.
   * Rows enqueued for another account are held (design §5).
   */
  deliveryAccount(): Promise<string | null>;
  deliver(request: DirectDeliveryRequest): Promise<DirectDeliveryResult>;
}
