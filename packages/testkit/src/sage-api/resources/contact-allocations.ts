import type { ResourceContext } from '../api/resource-spec.js';
import { refTo, type SageRecord, type SageRef } from '../store/sage-record.js';
import { newSageId } from '../store/sage-ids.js';
import { FieldReader, type Input } from '../validation/field-reader.js';
import { sumOf } from '../validation/money.js';
import { Violations } from '../validation/violations.js';
import { readAllocations } from './allocated-artefacts.js';
import { type AllocatingBuild, allocatingResource } from './allocating-resource.js';
import { baseFields } from './record-base.js';

const RESOURCE = 'contact_allocations';
// (e.8) the allocation transaction type is "likely CUSTOMER_ALLOCATION"; no source confirms it, so the simulator accepts it (and the supplier one).
const ALLOCATION_TYPES = new Set(['CUSTOMER_ALLOCATION', 'VENDOR_ALLOCATION']);

/**
 * Builds a contact allocation (c.6): nets a credit note against invoices of
 * the same contact (c.8). Credit notes are given as negative amounts and
 * invoices as positive, and the two sides must balance; the sign convention is
 * the simulator's reading of Sage's netting (the spec does not spell it out).
 */
function buildAllocation(ctx: ResourceContext, input: Input, existing?: SageRecord): AllocatingBuild {
  const { business } = ctx;
  const v = new Violations();
  const r = new FieldReader(input, v);
  const type = r.reference('transaction_type_id', 'transaction_types', business, { required: true, label: 'Transaction Type', accept: (t) => ALLOCATION_TYPES.has(t.id) });
  const contact = r.reference('contact_id', 'contacts', business, { required: true, label: 'Contact', accept: (c) => (c.deleted_at ?? null) === null });
  const date = r.date('date') ?? ctx.now.toISOString().slice(0, 10);
  const values = r.array('allocated_artefacts', { required: true }) ?? [];
  const drafts = readAllocations(business, values, { contactId: contact?.id, accepts: ['sales_invoices', 'sales_credit_notes'], signedCredits: true }, v);
  const side = (resource: string) => sumOf(drafts.filter((draft) => draft.resource === resource).map((draft) => draft.amount));
  if (v.empty && side('sales_invoices') !== side('sales_credit_notes')) {
    v.add('allocated_artefacts', 'must balance: the invoices and credit notes allocated must total the same amount');
  }
  if (new Set(drafts.map((draft) => (draft.artefact.currency as SageRef).id)).size > 1) v.add('allocated_artefacts', 'must share one currency');
  v.throwIfAny();
  const id = existing?.id ?? newSageId();
  const record: SageRecord = {
    ...baseFields(RESOURCE, id, String(type!.displayed_as), ctx, existing),
    transaction_type: refTo('transaction_types', type!),
    contact: refTo('contacts', contact!),
    date,
    allocated_artefacts: drafts.map((draft, index) => ({
      id: `${id}-${index + 1}`,
      artefact: refTo(draft.resource, draft.artefact),
      amount: draft.resource === 'sales_credit_notes' ? -draft.amount : draft.amount,
    })),
  };
  return { record, drafts };
}

/** `/contact_allocations` (c.5, c.6). */
export const contactAllocations = allocatingResource(
  { name: RESOURCE, rootKey: 'contact_allocation', filters: ['contact_id', 'transaction_type_id', 'updated_or_created_since'] },
  buildAllocation,
);
