import type { Contact } from '../canonical/contact.js';
import type { CreditMemo } from '../canonical/credit-memo.js';
import type { Invoice } from '../canonical/invoice.js';
import type { Payment } from '../canonical/payment.js';
import type { PaymentMethod } from '../canonical/payment-method.js';
import type { Product } from '../canonical/product.js';
import type { EntityType } from '../sync/entity-types.js';

/** An entity the host changed, for reconciliation and backfill. */
export interface ChangedEntity {
  /** Wire id (already aliased for string-id hosts). */
  readonly id: number;
  readonly changedAt: Date;
}

export interface ChangedSinceQuery {
  readonly entityType: EntityType;
  /** Exclusive lower bound on `changedAt`, plus `afterId` to page within one instant. */
  readonly since: Date;
  readonly afterId?: number;
  readonly until?: Date;
  readonly limit: number;
}

/**
 * Port: the host's data, already in the contract's shapes (wire-contract §8).
 * Ids are wire ids. Return null for a missing entity (served as 404).
 */
export interface CanonicalSource {
  invoice(id: number): Promise<Invoice | null>;
  creditMemo(id: number): Promise<CreditMemo | null>;
  customer(id: number): Promise<Contact | null>;
  product(id: number): Promise<Product | null>;
  /** Payment of an invoice; `invoiceId` is an invoice id (§7.7). */
  payment(invoiceId: number): Promise<Payment | null>;
  paymentMethods(): Promise<PaymentMethod[]>;
  /** Entities changed after `since`, ordered by (changedAt, id). Drives reconciliation and backfill. */
  changedSince(query: ChangedSinceQuery): Promise<ChangedEntity[]>;
  /** How many entities `changedSince` would list in the window (for progress). Optional. */
  countChangedSince?(query: Omit<ChangedSinceQuery, 'limit' | 'afterId'>): Promise<number>;
}
