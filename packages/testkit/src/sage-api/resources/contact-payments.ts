import type { ResourceContext } from '../api/resource-spec.js';
import { refTo, type SageRecord, type SageRef } from '../store/sage-record.js';
import { newSageId } from '../store/sage-ids.js';
import { FieldReader, type Input } from '../validation/field-reader.js';
import { round2, sumOf } from '../validation/money.js';
import { Violations } from '../validation/violations.js';
import { type ArtefactResource, readAllocations } from './allocated-artefacts.js';
import { type AllocatingBuild, allocatingResource } from './allocating-resource.js';
import { readExchangeRate } from './exchange-rate-field.js';
import { baseFields, refOrNull } from './record-base.js';

const RESOURCE = 'contact_payments';

/** (c.6) payment types; receipts settle invoices, refunds settle credit notes; supplier payments have no sales documents to settle here. */
const SETTLES: Readonly<Record<string, readonly ArtefactResource[]>> = {
  CUSTOMER_RECEIPT: ['sales_invoices'],
  CUSTOMER_REFUND: ['sales_credit_notes'],
  VENDOR_PAYMENT: [],
  VENDOR_REFUND: [],
};
const CONTACT_TYPE: Readonly<Record<string, string>> = { CUSTOMER_RECEIPT: 'CUSTOMER', CUSTOMER_REFUND: 'CUSTOMER', VENDOR_PAYMENT: 'VENDOR', VENDOR_REFUND: 'VENDOR' };

const hasType = (contact: SageRecord, typeId: string) => ((contact.contact_types as SageRef[] | undefined) ?? []).some((type) => type.id === typeId);

/**
 * Builds a contact payment (c.6): the allocated artefacts must belong to the
 * contact and share the payment's currency (c.8); whatever is not allocated
 * becomes a payment on account.
 */
function buildPayment(ctx: ResourceContext, input: Input, existing?: SageRecord): AllocatingBuild {
  const { business } = ctx;
  const v = new Violations();
  const r = new FieldReader(input, v);
  const type = r.reference('transaction_type_id', 'transaction_types', business, { required: true, label: 'Transaction Type', accept: (t) => t.id in SETTLES });
  const contact = r.reference('contact_id', 'contacts', business, {
    required: true,
    label: 'Contact',
    accept: (c) => (c.deleted_at ?? null) === null && (type === undefined || hasType(c, CONTACT_TYPE[type.id]!)),
  });
  const bank = r.reference('bank_account_id', 'bank_accounts', business, { required: true, label: 'Bank Account' });
  const date = r.date('date', { required: true });
  const total = r.amount('total_amount', { required: true });
  if (total !== undefined && round2(total) <= 0) v.add('total_amount', 'must be greater than 0');
  const method = r.reference('payment_method_id', 'payment_methods', business, { label: 'Payment Method' });
  const reference = r.text('reference', { max: 25 });
  const contactCurrency = (contact?.currency as SageRef | undefined)?.id ?? business.profile.baseCurrencyId;
  const currency = r.reference('currency_id', 'currencies', business, { label: 'Currency' }) ?? business.row('currencies', contactCurrency)!;
  if (contact !== undefined && currency.id !== contactCurrency) v.add('currency_id', "must match the contact's currency");
  const drafts = readAllocations(business, r.array('allocated_artefacts') ?? [], { contactId: contact?.id, accepts: SETTLES[type?.id ?? ''] ?? [], signedCredits: false }, v);
  // (c.8) the payment is in the currency of what it pays.
  if (drafts.some((draft) => (draft.artefact.currency as SageRef).id !== currency.id)) v.add('currency_id', 'must match the currency of the allocated artefacts');
  const onlyRate = drafts.length > 0 ? Number(drafts[0]!.artefact.exchange_rate) : undefined;
  const rate = readExchangeRate(ctx, r, currency.id, onlyRate);
  const allocated = sumOf(drafts.map((draft) => draft.amount));
  if (total !== undefined && allocated > round2(total)) v.add('total_amount', 'is less than the amount allocated');
  const taxRate = r.reference('tax_rate_id', 'tax_rates', business, { label: 'Tax Rate' });
  const net = r.amount('net_amount');
  const tax = r.amount('tax_amount');
  v.throwIfAny();

  const id = existing?.id ?? newSageId();
  const amount = round2(total!);
  const onAccount = round2(amount - allocated);
  const record: SageRecord = {
    ...baseFields(RESOURCE, id, reference ?? String(type!.displayed_as), ctx, existing),
    transaction_type: refTo('transaction_types', type!),
    contact: refTo('contacts', contact!),
    bank_account: refTo('bank_accounts', bank!),
    payment_method: refOrNull('payment_methods', method),
    date,
    reference: reference ?? null,
    total_amount: amount,
    net_amount: net ?? amount,
    tax_amount: tax ?? 0,
    tax_rate: refOrNull('tax_rates', taxRate),
    currency: refTo('currencies', currency),
    exchange_rate: rate,
    base_currency_total_amount: round2(amount / rate),
    allocated_artefacts: drafts.map((draft, index) => ({
      id: `${id}-${index + 1}`,
      artefact: refTo(draft.resource, draft.artefact),
      amount: draft.amount,
      discount: draft.discount,
    })),
    payment_on_account: onAccount > 0 ? { id: `${id}-on-account`, displayed_as: 'Payment on Account', total_amount: onAccount, outstanding_amount: onAccount } : null,
    editable: true,
    deletable: true,
    deleted_at: null,
  };
  return { record, drafts };
}

/** `/contact_payments` (c.5, c.6): allocating updates each invoice's `outstanding_amount`, `total_paid` and status. */
export const contactPayments = allocatingResource(
  { name: RESOURCE, rootKey: 'contact_payment', filters: ['contact_id', 'transaction_type_id', 'bank_account_id', 'updated_or_created_since', 'from_date', 'to_date'], searchIn: (payment) => [payment.reference] },
  buildPayment,
);
