import type { SimBusiness } from '../../store/sim-business.js';
import type { SageRecord, SageRef } from '../../store/sage-record.js';
import { round2 } from '../../validation/money.js';
import { settledStatus, statusOf, statusRef } from './artefact-status.js';

/** One payment or allocation as an artefact lists it under `payments_allocations`. */
export interface PaymentAllocationEntry {
  readonly id: string;
  readonly displayed_as: string;
  readonly transaction_type: SageRef;
  readonly date: string;
  readonly amount: number;
  readonly discount: number;
  /** The payment or allocation it came from. */
  readonly link: SageRef;
}

function refresh(business: SimBusiness, artefact: SageRecord, entries: PaymentAllocationEntry[], paid: number): SageRecord {
  const total = Number(artefact.total_amount);
  const outstanding = round2(total - paid);
  const rate = Number(artefact.exchange_rate) || 1;
  const updated: SageRecord = {
    ...artefact,
    total_paid: paid,
    outstanding_amount: outstanding,
    base_currency_outstanding_amount: round2(outstanding / rate),
    payments_allocations: entries,
    last_paid: entries.length === 0 ? null : entries.map((entry) => entry.date).sort().at(-1),
    status: statusRef(business, statusOf(artefact) === 'DRAFT' ? 'DRAFT' : settledStatus(outstanding, paid)),
  };
  return business.store(String(artefact.$path).split('/')[1]!, updated);
}

/** Applies a payment or allocation to an invoice or credit note: UNPAID -> PART_PAID -> PAID (c.6, e.8). */
export function settle(business: SimBusiness, artefact: SageRecord, entry: PaymentAllocationEntry): SageRecord {
  const entries = [...(artefact.payments_allocations as PaymentAllocationEntry[]), entry];
  return refresh(business, artefact, entries, round2(Number(artefact.total_paid) + entry.amount + entry.discount));
}

/** Takes back every entry a payment or allocation (by id) made on the artefact. */
export function unsettle(business: SimBusiness, artefact: SageRecord, linkId: string): SageRecord {
  const entries = artefact.payments_allocations as PaymentAllocationEntry[];
  const removed = entries.filter((entry) => entry.link.id === linkId);
  const paid = round2(Number(artefact.total_paid) - removed.reduce((sum, entry) => sum + entry.amount + entry.discount, 0));
  return refresh(
    business,
    artefact,
    entries.filter((entry) => entry.link.id !== linkId),
    paid,
  );
}
