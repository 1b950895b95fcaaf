import type { ResourceContext } from '../../api/resource-spec.js';
import { refTo, type SageRecord } from '../../store/sage-record.js';
import { FieldReader, type Input } from '../../validation/field-reader.js';
import { round2, sumOf } from '../../validation/money.js';
import { Violations } from '../../validation/violations.js';
import { type AddressJson, isUsableAddress, readAddress } from '../address-fields.js';
import { baseFields, refOrNull } from '../record-base.js';
import { readLines } from './artefact-lines.js';
import type { ArtefactKind } from './artefact-kind.js';
import { settledStatus, statusRef } from './artefact-status.js';
import { checkCrossBorder } from './cross-border-rules.js';
import { readExchangeRate } from '../exchange-rate-field.js';

const isCustomer = (contact: SageRecord) =>
  (contact.deleted_at ?? null) === null && ((contact.contact_types as { id: string }[] | undefined) ?? []).some((type) => type.id === 'CUSTOMER');

/**
 * Checks and computes a sales invoice or credit note (c.6, c.7, c.8): totals
 * come from the lines (net from quantity, price and discount; tax as given,
 * 0 for zero-kind rates) and shipping tax is always recomputed from its rate.
 * Numbering and settlement stay with the caller.
 */
export function buildArtefact(kind: ArtefactKind, ctx: ResourceContext, input: Input, existing?: SageRecord): SageRecord {
  const { business } = ctx;
  const v = new Violations();
  const r = new FieldReader(input, v);
  const contact = r.reference('contact_id', 'contacts', business, { required: true, label: 'Contact', accept: isCustomer });
  const date = r.date('date', { required: true });
  const extraDate = r.date(kind.extraDate);
  const texts = Object.fromEntries(
    [['reference', 25], ['notes', 2000], [kind.prefixField, 6], ...kind.extraTexts].map(([field, max]) => [field, r.text(String(field), { max: Number(max) }) ?? null]),
  );
  const statusId = r.text('status_id');
  if (statusId !== undefined && statusId !== 'DRAFT' && statusId !== 'UNPAID') v.add('status_id', 'must be DRAFT or UNPAID when posting');
  const contactCurrency = (contact?.currency as { id: string } | undefined)?.id ?? business.profile.baseCurrencyId;
  const currency = r.reference('currency_id', 'currencies', business, { label: 'Currency' }) ?? business.row('currencies', contactCurrency)!;
  // (c.8) a contact is locked to one currency, so its documents are in that currency.
  if (contact !== undefined && currency.id !== contactCurrency) v.add('currency_id', "must match the contact's currency");
  const rate = readExchangeRate(ctx, r, currency.id, undefined);
  let mainAddress = readAddress(r.nested('main_address'), { limits: false });
  if (!isUsableAddress(mainAddress)) mainAddress = isUsableAddress((contact?.main_address as AddressJson) ?? null) ? (contact!.main_address as AddressJson) : null;
  if (mainAddress === null && kind.addressRequired && contact !== undefined) v.add('main_address', 'Invoice Address is required');
  const givenDelivery = readAddress(r.nested('delivery_address'), { limits: false });
  // (c.8) a missing delivery address is the billing address.
  const deliveryAddress = isUsableAddress(givenDelivery) ? givenDelivery : mainAddress;
  const lines = readLines(ctx, r, kind.linesKey, v);
  const country = mainAddress?.country?.id ?? (contact?.main_address as AddressJson | null)?.country?.id ?? null;
  checkCrossBorder(business.profile.countryId, country, lines, v);
  const shippingNet = round2(r.amount('shipping_net_amount', { min: 0 }) ?? 0);
  const shippingRate = r.reference('shipping_tax_rate_id', 'tax_rates', business, { label: 'Tax Rate' });
  // (c.8) Sage recomputes shipping tax from rate x net and ignores a supplied shipping_tax_amount (even 0).
  const shippingTax = round2((shippingNet * Number(shippingRate?.percentage ?? 0)) / 100);
  v.throwIfAny();

  const net = sumOf([...lines.map((line) => line.net), shippingNet]);
  const tax = sumOf([...lines.map((line) => line.tax), shippingTax]);
  const total = round2(net + tax);
  const base = (amount: number) => round2(amount / rate);
  const status = statusId === 'DRAFT' ? 'DRAFT' : settledStatus(total, 0);
  const byRate = new Map<string, { tax_rate: unknown; net_amount: number; tax_amount: number; total_amount: number }>();
  for (const line of lines) {
    if (line.taxRate === undefined) continue;
    const entry = byRate.get(line.taxRate.id) ?? { tax_rate: refTo('tax_rates', line.taxRate), net_amount: 0, tax_amount: 0, total_amount: 0 };
    byRate.set(line.taxRate.id, { ...entry, net_amount: round2(entry.net_amount + line.net), tax_amount: round2(entry.tax_amount + line.tax), total_amount: round2(entry.total_amount + line.net + line.tax) });
  }
  return {
    ...baseFields(kind.resource, existing?.id ?? '', String(existing?.displayed_as ?? ''), ctx, existing),
    [kind.numberField]: existing?.[kind.numberField] ?? null,
    contact: refTo('contacts', contact!),
    contact_name: r.text('contact_name') ?? contact!.name,
    contact_reference: r.text('contact_reference') ?? contact!.reference,
    date,
    [kind.extraDate]: extraDate ?? (kind.extraDate === 'due_date' ? date : null),
    ...texts,
    main_address: mainAddress,
    delivery_address: deliveryAddress,
    shipping_net_amount: shippingNet,
    shipping_tax_rate: refOrNull('tax_rates', shippingRate),
    shipping_tax_amount: shippingTax,
    shipping_total_amount: round2(shippingNet + shippingTax),
    net_amount: net,
    tax_amount: tax,
    total_amount: total,
    total_quantity: sumOf(lines.map((line) => line.quantity)),
    total_discount_amount: sumOf(lines.map((line) => line.discount)),
    currency: refTo('currencies', currency),
    exchange_rate: rate,
    inverse_exchange_rate: Math.round((1 / rate) * 1e10) / 1e10,
    base_currency_net_amount: base(net),
    base_currency_tax_amount: base(tax),
    base_currency_total_amount: base(total),
    outstanding_amount: total,
    base_currency_outstanding_amount: base(total),
    total_paid: 0,
    payments_allocations: [],
    last_paid: null,
    status: statusRef(business, status),
    sent: r.bool('sent') ?? false,
    void_reason: null,
    editable: true,
    deleted_at: null,
    transaction_type: refTo('transaction_types', business.row('transaction_types', kind.transactionType)!),
    [kind.linesKey]: lines.map((line) => line.json),
    tax_analysis: [...byRate.values()],
  };
}
