import type { Invoice } from '@byte8/core';
import type { SagePolicy } from '../policy/sage-policy.js';
import { billingOf, sageAddress, shippingOf } from './address-payload.js';
import { type CatalogLink, exchangeRateOf, sageLines } from './artefact-lines.js';
import { isCrossBorder, shippingTaxRateId } from './tax-routing.js';
import { fit, round2, sageDate } from './text-fields.js';

/** (b.5) the Sage `reference` of an invoice or credit note: the prefix (if any) and the increment id, at most 25 (c.7). */
export function documentReference(policy: SagePolicy, incrementId: string): string {
  const prefix = policy.invoiceNumberPrefix ?? '';
  // A re-sync after a prefix rename must not double-prefix.
  const bare = prefix !== '' && incrementId.startsWith(prefix) ? incrementId.slice(prefix.length) : incrementId;
  return `${prefix}${bare}`.slice(0, 25);
}

export interface InvoicePayload {
  readonly body: { readonly sales_invoice: Record<string, unknown> };
  readonly reference: string;
  /** (b.6) a mixed cross-border invoice was coerced to the default goods/services type. */
  readonly coerced: boolean;
}

/**
 * `POST /sales_invoices` (a.3, b.4 to b.6, c.6): outstanding AR with every
 * line, both addresses (b.8 §17), the shipping panel (§32), currency and
 * exchange rate, cross-border zero rating, `Purchase Order: {po}` notes.
 */
export async function invoicePayload(policy: SagePolicy, invoice: Invoice, contactId: string, catalog: CatalogLink, now: Date): Promise<InvoicePayload> {
  const billing = billingOf(invoice.billing_address, invoice.customer.addresses);
  const shipping = shippingOf(invoice.shipping_address, invoice.customer.addresses) ?? billing;
  const crossBorder = isCrossBorder(policy, billing?.country_id);
  const { lines, coerced } = await sageLines(policy, invoice.lines, { crossBorder, catalog });
  const reference = documentReference(policy, invoice.increment_id);
  const rate = exchangeRateOf(policy, invoice.currency, invoice.base_to_order_rate);
  const notes = fit(invoice.po_number ? `Purchase Order: ${invoice.po_number}` : null, 2000);
  const sales_invoice: Record<string, unknown> = {
    contact_id: contactId,
    date: sageDate(invoice.created_at, now),
    reference,
    main_address: sageAddress(billing),
    delivery_address: sageAddress(shipping),
    invoice_lines: lines,
    currency_id: invoice.currency,
    ...(rate !== null ? { exchange_rate: rate } : {}),
    ...(notes ? { notes } : {}),
  };
  if (invoice.shipping_amount > 0) {
    sales_invoice.shipping_net_amount = round2(invoice.shipping_amount);
    sales_invoice.shipping_tax_rate_id = shippingTaxRateId(policy, invoice.shipping_amount, invoice.shipping_tax_amount, crossBorder);
    sales_invoice.shipping_tax_amount = crossBorder ? 0 : round2(invoice.shipping_tax_amount);
  }
  return { body: { sales_invoice }, reference, coerced };
}
