import type { EntityType, SyncStatus } from '@byte8/core';

/**
 * What the conformance suite needs from a host under test. An adapter builds
 * one around its real composition (storage, hooks, worker, inbound routes),
 * so the suite exercises the same paths a merchant's store does.
 */
export interface ConformanceHost {
  /** The host's base URL; the ledger appends `/rest/V1/byte8/...` (e.g. `http://127.0.0.1:4000`). */
  readonly inboundBaseUrl: string;
  /** The provider the host syncs, e.g. `sage_accounting`. */
  readonly provider: string;
  /** The anonymous pair route, when not the provider's default (`/rest/V1/byte8/setup/pair` for Sage). */
  readonly pairPath?: string;
  /** Generates a pairing code as the admin would; the plaintext is returned once. */
  generatePairingCode(): Promise<string>;
  /**
   * Saves a new invoice through the host's normal path, so its hooks fire,
   * and returns the invoice's wire id. It must not call the ledger.
   */
  createInvoice(): Promise<number>;
  /** Runs the delivery worker until nothing is due (no waiting for backoff). */
  drain(): Promise<void>;
  /** The admin chip of one document: the mirror status, or `none` without a row. */
  syncStatus(entityType: EntityType, id: number): Promise<SyncStatus | 'none'>;
  /** The dead-letter banner count (`AdminApi.deadLetters().count`). */
  deadLetterCount(): Promise<number>;
  /** Requeues every dead letter; returns how many. */
  requeueAll(): Promise<number>;
  /** The admin's Disconnect (`AdminApi.disconnect`). */
  disconnect(): Promise<void>;
  isConnected(): Promise<boolean>;
  /** Outbox rows in status `pending`. */
  pendingOutboxCount(): Promise<number>;
  /** Stops servers and workers, closes databases. */
  close(): Promise<void>;
}

/** Builds a fresh, unpaired host with its own storage. Called once per check. */
export type MakeConformanceHost = () => ConformanceHost | Promise<ConformanceHost>;

export interface ConformanceOptions {
  /** How long to wait for the callback to reach the chip. Default 5000 ms. */
  readonly settleTimeoutMs?: number;
}
