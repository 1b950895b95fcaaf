import type { Invoice } from '@byte8/core';
import { ensureObject, type SageObjectRef } from '../exactly-once/ensure-object.js';
import { findByReference, refId, type SageItem } from '../exactly-once/sage-lookups.js';
import { billingOf, shippingOf } from '../mapping/address-payload.js';
import { invoicePayload } from '../mapping/invoice-payload.js';
import { MIXED_EU_TYPES_CODE } from '../mapping/tax-routing.js';
import { type DeliveryContext, required } from './delivery-context.js';
import { ensureContact } from './ensure-contact.js';
import { checkDocumentFilters } from './policy-filters.js';

export const documentRef = (item: SageItem): SageObjectRef => ({ id: item.id, reference: typeof item.displayed_as === 'string' ? item.displayed_as : null, contactId: refId(item.contact) });

export interface EnsuredInvoice {
  readonly ref: SageObjectRef;
  readonly invoice: Invoice;
  /** False when the cross-reference already had it (nothing was posted, no chip written). */
  readonly fresh: boolean;
}

/**
 * The invoice in Sage, posted when missing (dependencies in order: its
 * contact first), with its chip `synced` in the transaction that stores the
 * Sage id. An invoice already posted is never posted again (b.8). The
 * filters of (b.1) apply to a new post and skip with their reason.
 */
export async function ensureInvoice(ctx: DeliveryContext, invoiceId: number): Promise<EnsuredInvoice> {
  const invoice = await required(ctx.source.invoice(invoiceId), 'invoice', invoiceId);
  const chipOf = (ref: SageObjectRef, coerced: boolean) =>
    ({ status: 'synced', providerEntityId: ref.id, providerReference: ref.reference, message: coerced ? `Mixed EU goods and services lines posted as ${ctx.policy.defaultEuGoodsServicesType} (${MIXED_EU_TYPES_CODE})` : null }) as const;
  const known = await ctx.ensure.xrefs.find(ctx.ensure.scope, 'invoice', String(invoiceId));
  if (known?.providerId) {
    const ref = { id: known.providerId, reference: known.reference, contactId: known.contactId };
    return { ref, invoice, fresh: false };
  }
  checkDocumentFilters(ctx.policy, invoice, { paid: invoice.state === 'paid', grandTotal: invoice.grand_total });
  const contact = await ensureContact(ctx, invoice.customer, invoice.currency, invoice.grand_total, {
    billing: billingOf(invoice.billing_address, invoice.customer.addresses),
    shipping: shippingOf(invoice.shipping_address, invoice.customer.addresses),
  });
  const payload = await invoicePayload(ctx.policy, invoice, contact.id, ctx.catalog, ctx.now());
  const { ref } = await ensureObject(ctx.ensure, {
    kind: 'invoice',
    hostKey: String(invoiceId),
    lookup: async () => {
      const found = await findByReference(ctx.api, '/sales_invoices', payload.reference);
      return found && refId(found.contact) === contact.id ? documentRef(found) : null;
    },
    create: async () => documentRef((await ctx.api.post<SageItem>('/sales_invoices', payload.body)).body),
    commit: (found, transaction) => ctx.chip(chipOf(found, payload.coerced), { transaction, entityType: 'invoice', entityId: invoiceId }),
  });
  return { ref, invoice, fresh: true };
}

/** What a document still has to pay (c.6 `outstanding_amount`). */
export async function outstandingOf(ctx: DeliveryContext, path: string): Promise<number> {
  const { body } = await ctx.api.get<{ outstanding_amount?: unknown }>(path);
  const amount = Number(body?.outstanding_amount ?? 0);
  return Number.isFinite(amount) ? amount : 0;
}
