import type { ResourceContext } from '../../api/resource-spec.js';
import { ZERO_KIND_TAX_RATES } from '../../seed/uk-tax-rates.js';
import { refTo, type SageRecord } from '../../store/sage-record.js';
import { newSageId } from '../../store/sage-ids.js';
import type { SimBusiness } from '../../store/sim-business.js';
import { FieldReader } from '../../validation/field-reader.js';
import { round2 } from '../../validation/money.js';
import { REQUIRED, type Violations } from '../../validation/violations.js';
import { refOrNull } from '../record-base.js';

/**
 * Sage reports line problems on one flattened source, `line_items.<field>`,
 * whatever the body key (`invoice_lines`, `credit_note_lines`) (c.4, c.8).
 */
export const LINE_SOURCE = 'line_items';

/** A named or numeric HTML entity such as `&trade;` or `&#8482;` (c.8: rejected in line descriptions). */
const HTML_ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

export interface ArtefactLine {
  readonly json: SageRecord;
  readonly net: number;
  readonly tax: number;
  readonly quantity: number;
  readonly discount: number;
  readonly taxRate: SageRecord | undefined;
  /** The EU goods/services type id, if given. */
  readonly euType: string | undefined;
  /** The stock item sold or returned, if the line names one. */
  readonly stockItemId: string | undefined;
}

/** `product_id` names a product or a stock item (both are Sage products, c.6). */
function readProduct(reader: FieldReader, business: SimBusiness): { readonly resource: string; readonly record: SageRecord } | undefined {
  const id = reader.text('product_id');
  if (id === undefined) return undefined;
  for (const resource of ['products', 'stock_items']) {
    const record = business.row(resource, id);
    if (record !== undefined) return { resource, record };
  }
  reader.violations.add(reader.source('product'), "Couldn't find Product.");
  return undefined;
}

function readLine(ctx: ResourceContext, reader: FieldReader): ArtefactLine {
  const { business } = ctx;
  const description = reader.text('description', { required: true });
  if (description !== undefined && HTML_ENTITY.test(description)) {
    reader.violations.add(reader.source('description'), 'must not contain HTML entities such as &amp; or &trade;');
  }
  // (c.4) the ledger account must be one that shows in `visible_in=sales`.
  const ledger = reader.reference('ledger_account_id', 'ledger_accounts', business, { required: true, label: 'Ledger Account', accept: (account) => account.visible_in_sales === true });
  const unitPrice = reader.amount('unit_price', { required: true }) ?? 0;
  const quantity = reader.amount('quantity') ?? 1;
  const discount = reader.amount('discount_amount', { min: 0 }) ?? 0;
  const includesTax = reader.bool('unit_price_includes_tax') ?? false;
  // Third-party reports show VAT-registered UK businesses answering `line_items.tax_rate_id: This field is required.`
  const taxRate = reader.reference('tax_rate_id', 'tax_rates', business, { required: true, label: 'Tax Rate' });
  const givenTax = reader.amount('tax_amount');
  const zeroRate = taxRate !== undefined && (ZERO_KIND_TAX_RATES.has(taxRate.id) || Number(taxRate.percentage) === 0);
  let tax = 0;
  if (taxRate !== undefined && !zeroRate) {
    // (c.6) `tax_amount` is required unless the rate is zero, exempt or no-tax (c.8 "field is required").
    if (givenTax === undefined) reader.violations.add(reader.source('tax_amount'), REQUIRED);
    else tax = round2(givenTax);
  } else if (zeroRate && givenTax !== undefined && round2(givenTax) !== 0) {
    reader.violations.add(reader.source('tax_rate_percentage'), 'You entered a tax amount but tax rate is zero. Please fix one of them.');
  }
  const product = readProduct(reader, business);
  const service = reader.reference('service_id', 'services', business, { label: 'Service' });
  const euType = reader.reference('eu_goods_services_type_id', 'eu_goods_services_types', business, { label: 'EU Goods Services Type' });
  const gross = round2(quantity * unitPrice - discount);
  const net = includesTax ? round2(gross - tax) : gross;
  const json: SageRecord = {
    id: newSageId(),
    displayed_as: description ?? '',
    description: description ?? '',
    product: product === undefined ? null : refTo(product.resource, product.record),
    service: refOrNull('services', service),
    ledger_account: refOrNull('ledger_accounts', ledger),
    quantity,
    unit_price: unitPrice,
    unit_price_includes_tax: includesTax,
    discount_amount: discount,
    net_amount: net,
    tax_rate: refOrNull('tax_rates', taxRate),
    tax_amount: tax,
    total_amount: round2(net + tax),
    eu_goods_services_type: refOrNull('eu_goods_services_types', euType),
    tax_breakdown: taxRate === undefined ? [] : [{ tax_rate: refTo('tax_rates', taxRate), percentage: Number(taxRate.percentage), amount: tax }],
    trade_of_asset: reader.bool('trade_of_asset') ?? false,
  };
  return { json, net, tax, quantity, discount, taxRate, euType: euType?.id, stockItemId: product?.resource === 'stock_items' ? product.record.id : undefined };
}

/** Reads every line of `linesKey` (required, non-empty), reporting problems on `line_items.*`. */
export function readLines(ctx: ResourceContext, header: FieldReader, linesKey: string, violations: Violations): ArtefactLine[] {
  const raw = header.array(linesKey, { required: true }) ?? [];
  const lines: ArtefactLine[] = [];
  for (const value of raw) {
    const reader = FieldReader.element(value, violations, LINE_SOURCE);
    if (reader !== undefined) lines.push(readLine(ctx, reader));
  }
  return lines;
}
