import type { CreditMemo, InvoiceLine } from '@byte8/core';
import type { SagePolicy } from '../policy/sage-policy.js';
import { billingOf, sageAddress, shippingOf } from './address-payload.js';
import { type CatalogLink, exchangeRateOf, ledgerAccountOf, sageLines } from './artefact-lines.js';
import { documentReference } from './invoice-payload.js';
import { isCrossBorder, shippingTaxRateId, ZERO_RATE_ID } from './tax-routing.js';
import { fit, round2, sageDate } from './text-fields.js';

export interface CreditNotePayload {
  readonly body: { readonly sales_credit_note: Record<string, unknown> };
  readonly reference: string;
  readonly coerced: boolean;
}

/** Adjustment refunds (positive) and fees (negative) as untaxed lines, so the credit note totals what was refunded. */
function adjustmentLines(policy: SagePolicy, memo: CreditMemo, crossBorderType: string | null): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const add = (description: string, amount: number) => {
    if (amount === 0) return;
    lines.push({
      description,
      ledger_account_id: ledgerAccountOf(policy),
      quantity: 1,
      unit_price: round2(amount),
      tax_rate_id: ZERO_RATE_ID,
      tax_amount: 0,
      ...(crossBorderType ? { eu_goods_services_type_id: crossBorderType } : {}),
    });
  };
  add('Adjustment refund', memo.adjustment_positive);
  add('Adjustment fee', -Math.abs(memo.adjustment_negative));
  return lines;
}

/**
 * `POST /sales_credit_notes` (a.3, c.6): same shape as the invoice, the
 * shipping refund in the shipping panel, `original_invoice_date`, currency
 * and rate from the memo's own `base_to_order_rate` (b.6), and the notes
 * `Credit for invoice {id} — {reason}` (b.5).
 */
export async function creditNotePayload(policy: SagePolicy, memo: CreditMemo, contactId: string, catalog: CatalogLink, now: Date): Promise<CreditNotePayload> {
  const billing = billingOf(null, memo.customer.addresses);
  const shipping = shippingOf(null, memo.customer.addresses) ?? billing;
  const crossBorder = isCrossBorder(policy, billing?.country_id);
  const { lines, coerced } = await sageLines(policy, memo.lines as InvoiceLine[], { crossBorder, catalog });
  const euType = crossBorder ? ((lines[0]?.eu_goods_services_type_id as string | undefined) ?? policy.defaultEuGoodsServicesType) : null;
  const reference = documentReference(policy, memo.increment_id);
  const rate = exchangeRateOf(policy, memo.currency, memo.base_to_order_rate);
  const about = memo.invoice_increment_id ? `Credit for invoice ${memo.invoice_increment_id}` : 'Credit';
  const notes = fit(memo.reason ? `${about} — ${memo.reason}` : about, 2000);
  const sales_credit_note: Record<string, unknown> = {
    contact_id: contactId,
    date: sageDate(memo.created_at, now),
    reference,
    ...(memo.invoice_created_at ? { original_invoice_date: sageDate(memo.invoice_created_at, now) } : {}),
    main_address: sageAddress(billing),
    delivery_address: sageAddress(shipping),
    credit_note_lines: [...lines, ...adjustmentLines(policy, memo, euType)],
    currency_id: memo.currency,
    ...(rate !== null ? { exchange_rate: rate } : {}),
    ...(notes ? { notes } : {}),
  };
  if (memo.shipping_amount > 0) {
    sales_credit_note.shipping_net_amount = round2(memo.shipping_amount);
    sales_credit_note.shipping_tax_rate_id = shippingTaxRateId(policy, memo.shipping_amount, memo.shipping_tax_amount, crossBorder);
    sales_credit_note.shipping_tax_amount = crossBorder ? 0 : round2(memo.shipping_tax_amount);
  }
  return { body: { sales_credit_note }, reference, coerced };
}
