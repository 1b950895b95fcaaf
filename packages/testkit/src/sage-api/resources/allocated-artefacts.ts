import type { SimBusiness } from '../store/sim-business.js';
import { refTo, type SageRecord, type SageRef } from '../store/sage-record.js';
import { FieldReader } from '../validation/field-reader.js';
import { round2 } from '../validation/money.js';
import type { Violations } from '../validation/violations.js';
import { statusOf } from './artefacts/artefact-status.js';
import { type PaymentAllocationEntry, settle, unsettle } from './artefacts/artefact-settlement.js';

export type ArtefactResource = 'sales_invoices' | 'sales_credit_notes';

/** One `allocated_artefacts[]` entry that passed the checks. */
export interface AllocationDraft {
  readonly resource: ArtefactResource;
  readonly artefact: SageRecord;
  /** Always positive: how much of the artefact's outstanding amount this settles. */
  readonly amount: number;
  readonly discount: number;
}

const SOURCE = 'allocated_artefacts';

export function findArtefact(business: SimBusiness, id: string): { readonly resource: ArtefactResource; readonly record: SageRecord } | undefined {
  for (const resource of ['sales_invoices', 'sales_credit_notes'] as const) {
    const record = business.row(resource, id);
    if (record !== undefined) return { resource, record };
  }
  return undefined;
}

export interface AllocationRules {
  /** The contact every artefact must belong to (c.8). */
  readonly contactId: string | undefined;
  /** Which artefact kinds this transaction type may settle. */
  readonly accepts: readonly ArtefactResource[];
  /** Contact allocations give credit notes as negative amounts; payments give positive amounts. */
  readonly signedCredits: boolean;
}

/** Reads `allocated_artefacts[]{artefact_id, amount, discount}` (c.6) against the rules; problems go on `allocated_artefacts.*`. */
export function readAllocations(business: SimBusiness, values: readonly unknown[], rules: AllocationRules, v: Violations): AllocationDraft[] {
  const drafts: AllocationDraft[] = [];
  const claimed = new Map<string, number>();
  for (const value of values) {
    const r = FieldReader.element(value, v, SOURCE);
    if (r === undefined) continue;
    const id = r.text('artefact_id', { required: true });
    const rawAmount = r.amount('amount', { required: true });
    const discount = r.amount('discount', { min: 0 }) ?? 0;
    if (id === undefined || rawAmount === undefined) continue;
    const found = findArtefact(business, id);
    if (found === undefined || !rules.accepts.includes(found.resource)) {
      v.add(`${SOURCE}.artefact`, "Couldn't find Artefact.");
      continue;
    }
    if ((found.record.contact as SageRef).id !== rules.contactId) {
      v.add(`${SOURCE}.artefact`, 'must belong to the same contact');
      continue;
    }
    const status = statusOf(found.record);
    if (status === 'DRAFT' || status === 'VOID') {
      v.add(`${SOURCE}.artefact`, `cannot be allocated while ${status}`);
      continue;
    }
    const credit = found.resource === 'sales_credit_notes';
    const amount = rules.signedCredits && credit ? -rawAmount : rawAmount;
    if (round2(amount) <= 0) {
      v.add(`${SOURCE}.amount`, rules.signedCredits ? 'must be positive for invoices and negative for credit notes' : 'must be greater than 0');
      continue;
    }
    const already = claimed.get(id) ?? 0;
    if (round2(already + amount + discount) > Number(found.record.outstanding_amount)) {
      v.add(`${SOURCE}.amount`, 'exceeds the outstanding amount');
      continue;
    }
    claimed.set(id, already + amount + discount);
    drafts.push({ resource: found.resource, artefact: found.record, amount: round2(amount), discount: round2(discount) });
  }
  return drafts;
}

/** Settles each draft on its artefact, naming `link` (the payment or allocation) as the source. */
export function applyAllocations(business: SimBusiness, link: SageRecord, linkResource: string, drafts: readonly AllocationDraft[]): void {
  const linkRef = refTo(linkResource, link);
  drafts.forEach((draft, index) => {
    const entry: PaymentAllocationEntry = {
      id: `${link.id}-${index + 1}`,
      displayed_as: String(link.displayed_as),
      transaction_type: link.transaction_type as SageRef,
      date: String(link.date),
      amount: draft.amount,
      discount: draft.discount,
      link: linkRef,
    };
    settle(business, business.row(draft.resource, draft.artefact.id)!, entry);
  });
}

/** Takes back what a payment or allocation settled. */
export function withdrawAllocations(business: SimBusiness, link: SageRecord): void {
  for (const allocation of link.allocated_artefacts as { artefact: SageRef }[]) {
    const found = findArtefact(business, allocation.artefact.id);
    if (found !== undefined) unsettle(business, found.record, link.id);
  }
}

/**
 * Replaces a payment's or allocation's settlements: withdraws the old ones,
 * runs `rebuild` (which checks and applies the new ones) and restores the
 * artefacts exactly as they were if it throws, so a refused PUT changes nothing.
 */
export function rebuildAllocations(business: SimBusiness, existing: SageRecord, rebuild: () => SageRecord): SageRecord {
  const touched = (existing.allocated_artefacts as { artefact: SageRef }[])
    .map((allocation) => findArtefact(business, allocation.artefact.id))
    .filter((found) => found !== undefined)
    .map((found) => ({ resource: found.resource, before: structuredClone(found.record) }));
  withdrawAllocations(business, existing);
  try {
    return rebuild();
  } catch (error) {
    for (const { resource, before } of touched) business.store(resource, before);
    throw error;
  }
}
