import type { ResourceContext, ResourceSpec } from '../api/resource-spec.js';
import { recordInvalid } from '../http/sage-error.js';
import { refTo, type SageRecord, sageTimestamp } from '../store/sage-record.js';
import { newSageId } from '../store/sage-ids.js';
import { FieldReader, type Input } from '../validation/field-reader.js';
import { Violations } from '../validation/violations.js';
import { readAddress } from './address-fields.js';
import { baseFields, mergeInput, refOrNull } from './record-base.js';

const RESOURCE = 'contacts';
const isDeleted = (contact: SageRecord) => contact.deleted_at !== null && contact.deleted_at !== undefined;

/** The artefact and payment resources whose objects lock a contact's currency. */
const TRANSACTION_RESOURCES = ['sales_invoices', 'sales_credit_notes', 'contact_payments'];

function hasTransactions(ctx: ResourceContext, contactId: string): boolean {
  return TRANSACTION_RESOURCES.some((resource) => ctx.business.rows(resource).some((row) => (row.contact as { id: string }).id === contactId));
}

function readPerson(reader: FieldReader | undefined): Record<string, unknown> | null {
  if (reader === undefined) return null;
  const email = reader.text('email', { max: 100 }) ?? null;
  return {
    name: reader.text('name', { max: 50 }) ?? null,
    job_title: reader.text('job_title') ?? null,
    telephone: reader.text('telephone') ?? null,
    mobile: reader.text('mobile') ?? null,
    email,
    fax: reader.text('fax') ?? null,
    is_main_contact: reader.bool('is_main_contact') ?? true,
    is_preferred_contact: reader.bool('is_preferred_contact') ?? false,
    contact_person_types: ((reader.array('contact_person_type_ids') ?? []) as unknown[]).map((id) => ({ id: String(id), displayed_as: String(id) })),
  };
}

/**
 * Builds a contact from a request object (c.6, lengths c.7). `reference` is
 * unique among the business's contacts, soft-deleted ones included: Sage keeps
 * a deleted contact's reference reserved (c.8).
 */
function buildContact(ctx: ResourceContext, input: Input, existing?: SageRecord): SageRecord {
  const { business } = ctx;
  const v = new Violations();
  const r = new FieldReader(input, v);
  const name = r.text('name', { required: true, max: 100 });
  const typeIds = r.array('contact_type_ids', { required: true }) ?? [];
  const types = typeIds.map((id) => business.row('contact_types', String(id)));
  if (types.some((type) => type === undefined)) v.add('contact_types', "Couldn't find Contact Type.");
  const reference = r.text('reference', { max: 10 });
  if (reference !== undefined && reference.length <= 10) {
    const holder = business.rows(RESOURCE).find((contact) => contact.reference === reference && contact.id !== existing?.id);
    if (holder !== undefined) v.add('reference', isDeleted(holder) ? 'is reserved by a deleted contact' : 'has already been taken');
  }
  const currency = r.reference('currency_id', 'currencies', business, { label: 'Currency' }) ?? business.row('currencies', business.profile.baseCurrencyId)!;
  if (existing !== undefined && currency.id !== (existing.currency as { id: string }).id && hasTransactions(ctx, existing.id)) {
    // (c.8) a contact is locked to one transaction currency.
    v.add('currency_id', 'cannot be changed once the contact has transactions');
  }
  const ledger = { label: 'Ledger Account' };
  const record = {
    ...baseFields(RESOURCE, existing?.id ?? newSageId(), reference ? `${name} (${reference})` : String(name), ctx, existing),
    deleted_at: null,
    contact_types: types.filter((type) => type !== undefined).map((type) => refTo('contact_types', type)),
    name,
    reference: reference ?? null,
    default_sales_ledger_account: refOrNull('ledger_accounts', r.reference('default_sales_ledger_account_id', 'ledger_accounts', business, ledger)),
    default_sales_tax_rate: refOrNull('tax_rates', r.reference('default_sales_tax_rate_id', 'tax_rates', business, { label: 'Tax Rate' })),
    default_purchase_ledger_account: refOrNull('ledger_accounts', r.reference('default_purchase_ledger_account_id', 'ledger_accounts', business, ledger)),
    tax_number: r.text('tax_number') ?? null,
    notes: r.text('notes', { max: 4000 }) ?? null,
    locale: r.text('locale', { max: 10 }) ?? null,
    main_address: readAddress(r.nested('main_address'), { limits: true }),
    delivery_address: readAddress(r.nested('delivery_address'), { limits: true }),
    main_contact_person: readPerson(r.nested('main_contact_person')),
    bank_account_details: r.object('bank_account_details') ?? null,
    tax_treatment: r.object('tax_treatment') ?? null,
    credit_limit: r.amount('credit_limit', { min: 0 }) ?? null,
    credit_days: r.amount('credit_days', { min: 0 }) ?? null,
    credit_terms_and_conditions: r.text('credit_terms_and_conditions') ?? null,
    currency: refTo('currencies', currency),
    // Confirmed by the spec as a contact field; whether Sage lets a list search it is not, so `search` does not look at it.
    source_guid: r.text('source_guid') ?? null,
    aux_reference: r.text('aux_reference') ?? null,
    registered_number: r.text('registered_number') ?? null,
    balance: existing?.balance ?? 0,
    system: false,
    editable: true,
    deletable: true,
  };
  v.throwIfAny();
  return { ...record, email: (record.main_contact_person?.email as string | null | undefined) ?? null };
}

export const contacts: ResourceSpec = {
  name: RESOURCE,
  rootKey: 'contact',
  filters: ['contact_type_id', 'email', 'updated_or_created_since'],
  searchIn: (contact) => [contact.name, contact.reference, contact.email],
  hidden: isDeleted,
  create(ctx, input) {
    const contact = buildContact(ctx, input);
    ctx.business.rememberInput(RESOURCE, contact.id, input);
    return ctx.business.store(RESOURCE, contact);
  },
  update(ctx, existing, input) {
    if (isDeleted(existing)) throw recordInvalid('base', 'A deleted contact cannot be updated');
    const merged = mergeInput(ctx.business.inputOf(RESOURCE, existing.id), input);
    const contact = buildContact(ctx, merged, existing);
    ctx.business.rememberInput(RESOURCE, contact.id, merged);
    return ctx.business.store(RESOURCE, contact);
  },
  remove(ctx, existing) {
    // Soft delete (c.8): the contact disappears from GET but keeps its reference.
    ctx.business.store(RESOURCE, { ...existing, deleted_at: sageTimestamp(ctx.now), updated_at: sageTimestamp(ctx.now) });
  },
};
