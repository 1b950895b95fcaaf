import { ensureObject, type SageObjectRef } from '../exactly-once/ensure-object.js';
import { allocates, findByReference, findInList, refId, type SageItem } from '../exactly-once/sage-lookups.js';
import { creditNotePayload } from '../mapping/credit-note-payload.js';
import { round2, sageDate } from '../mapping/text-fields.js';
import { type DeliveryContext, PolicySkip, required } from './delivery-context.js';
import { ensureContact } from './ensure-contact.js';
import { documentRef, ensureInvoice, outstandingOf } from './ensure-invoice.js';
import { checkDocumentFilters } from './policy-filters.js';

/** The invoice a memo refunds, in Sage (posted first when missing), or null when it has none or the policy skipped it. */
async function originalInvoice(ctx: DeliveryContext, invoiceId: number | null | undefined): Promise<SageObjectRef | null> {
  if (!invoiceId) return null;
  try {
    return (await ensureInvoice(ctx, invoiceId)).ref;
  } catch (error) {
    if (error instanceof PolicySkip) return null;
    throw error;
  }
}

/**
 * `creditmemo.created` (a.3): a sales credit note on the original invoice's
 * contact (so Sage can allocate it, c.8; B2C routing re-applied only when
 * there is no invoice, b.7), then a `CUSTOMER_ALLOCATION` netting it against
 * the invoice for what the invoice still has outstanding.
 */
export async function deliverCreditNote(ctx: DeliveryContext): Promise<void> {
  const memo = await required(ctx.source.creditMemo(ctx.entityId), 'credit memo', ctx.entityId);
  checkDocumentFilters(ctx.policy, memo);
  const invoice = await originalInvoice(ctx, memo.invoice_id);
  const contactId = invoice?.contactId ?? (await ensureContact(ctx, memo.customer, memo.currency, memo.grand_total)).id;
  const payload = await creditNotePayload(ctx.policy, memo, contactId, ctx.catalog, ctx.now());
  const { ref: note } = await ensureObject(ctx.ensure, {
    kind: 'credit_note',
    hostKey: String(ctx.entityId),
    lookup: async () => {
      const found = await findByReference(ctx.api, '/sales_credit_notes', payload.reference);
      return found && refId(found.contact) === contactId ? documentRef(found) : null;
    },
    create: async () => documentRef((await ctx.api.post<SageItem>('/sales_credit_notes', payload.body)).body),
  });
  const synced = (message: string | null) => ({ status: 'synced', providerEntityId: note.id, providerReference: note.reference, message }) as const;
  if (invoice === null) {
    await ctx.chip(synced(memo.invoice_id ? 'Not allocated: the invoice was not synced' : 'Not allocated: refunded from the order, no invoice'));
    return;
  }
  const allocation = await ctx.ensure.xrefs.find(ctx.ensure.scope, 'allocation', String(ctx.entityId));
  let amount = 0;
  if (!allocation?.providerId && allocation?.attemptedAt == null) {
    amount = round2(Math.min(await outstandingOf(ctx, `/sales_credit_notes/${note.id}`), await outstandingOf(ctx, `/sales_invoices/${invoice.id}`)));
    if (amount <= 0) {
      await ctx.chip(synced(`Not allocated: invoice ${invoice.reference ?? invoice.id} has nothing outstanding`));
      return;
    }
  }
  await ensureObject(ctx.ensure, {
    kind: 'allocation',
    hostKey: String(ctx.entityId),
    lookup: async () => {
      const found = await findInList(ctx.api, '/contact_allocations', { contact_id: contactId }, (item) => allocates(item, note.id));
      return found ? { id: found.id, reference: null } : null;
    },
    create: async () => {
      if (amount <= 0) amount = round2(Math.min(await outstandingOf(ctx, `/sales_credit_notes/${note.id}`), await outstandingOf(ctx, `/sales_invoices/${invoice.id}`)));
      const body = {
        contact_allocation: {
          transaction_type_id: 'CUSTOMER_ALLOCATION',
          contact_id: contactId,
          date: sageDate(memo.created_at, ctx.now()),
          allocated_artefacts: [
            { artefact_id: invoice.id, amount },
            { artefact_id: note.id, amount: -amount },
          ],
        },
      };
      const { body: created } = await ctx.api.post<SageItem>('/contact_allocations', body);
      return { id: created.id, reference: null };
    },
    commit: (_allocation, transaction) => ctx.chip(synced(null), { transaction }),
  });
}
