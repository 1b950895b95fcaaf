import type { HostTransaction } from '../ports/outbox-store.js';

/**
 * Whose cross-references: one provider in direct mode, posting to one
 * account at the provider (a Sage business). Another business starts fresh,
 * so reconnecting to the same business reuses every reference.
 */
export interface XrefScope {
  readonly provider: string;
  /** The provider's account id (Sage business id). */
  readonly accountId: string;
}

/** What a host entity became at the provider, or an attempt whose outcome is not known yet. */
export interface EntityXref {
  /** The provider-side object kind: `contact`, `contact_fallback`, `invoice`, `payment`, `credit_note`, `allocation`, `product`. */
  readonly kind: string;
  /** The host entity (and variant), e.g. `42`, `42:EUR`, `guest:1a2b3c4d5:EUR`. */
  readonly hostKey: string;
  /** The provider's id; null while only an attempt is recorded (a create was sent, no answer was stored). */
  readonly providerId: string | null;
  /** The provider's human reference (`SI-27`, `M42E`), when known. */
  readonly reference: string | null;
  /** The provider collection it lives in (`products`, `services`, `stock_items`), when the kind has several. */
  readonly family: string | null;
  /** The provider's id of the contact the document belongs to, for documents. */
  readonly contactId: string | null;
  /** When a create was last sent without its answer being stored; null once resolved. */
  readonly attemptedAt: Date | null;
  readonly updatedAt: Date;
}

export interface XrefResolution {
  readonly kind: string;
  readonly hostKey: string;
  readonly providerId: string;
  readonly reference?: string | null;
  readonly family?: string | null;
  readonly contactId?: string | null;
}

/**
 * Port: host entity -> provider id, per provider and account (the ledger's
 * `entity_xref`, spec a.1 and b.8 "Idempotency"). Written in the same
 * transaction as the sync-state outcome; an attempt is recorded before a
 * create is sent, so a retry after a crash knows to look the object up at
 * the provider before creating it again.
 */
export interface EntityXrefStore {
  find(scope: XrefScope, kind: string, hostKey: string, options?: { transaction?: HostTransaction }): Promise<EntityXref | null>;
  /** Every row of a kind whose host key starts with `hostKeyPrefix` (a customer's per-currency contacts). */
  listByPrefix(scope: XrefScope, kind: string, hostKeyPrefix: string): Promise<EntityXref[]>;
  /**
   * Claims the right to send a create (committed on its own, before the
   * call), compare-and-swap style so two workers never both send it:
   * `previous` null inserts a fresh mark (fails when any row exists);
   * otherwise the unresolved mark must still carry `previous` (a stale
   * attempt, looked up at the provider and not found). Returns the mark
   * written, or null when another worker holds or resolved the row.
   */
  claimAttempt(scope: XrefScope, kind: string, hostKey: string, previous: Date | null): Promise<Date | null>;
  /** Removes this worker's unresolved mark after a create the provider certainly did not apply (a 422, a 429). */
  releaseAttempt(scope: XrefScope, kind: string, hostKey: string, mark: Date): Promise<void>;
  /** Stores the provider id (and details), clearing the attempt mark; joins `transaction` when given. */
  resolve(scope: XrefScope, resolution: XrefResolution, options?: { transaction?: HostTransaction }): Promise<EntityXref>;
  /** Drops a row (an operator forcing a re-post, or a provider object found deleted). Returns whether one existed. */
  forget(scope: XrefScope, kind: string, hostKey: string): Promise<boolean>;
}
