import { ensureObject } from '../exactly-once/ensure-object.js';
import { allocates, findInList } from '../exactly-once/sage-lookups.js';
import { exchangeRateOf } from '../mapping/artefact-lines.js';
import { documentReference } from '../mapping/invoice-payload.js';
import { bankAccountFor, paymentPayload } from '../mapping/payment-payload.js';
import { type DeliveryContext, PolicySkip, required } from './delivery-context.js';
import { documentRef, ensureInvoice, outstandingOf } from './ensure-invoice.js';

/** `invoice.created` (a.3): the invoice, posted once; its chip `synced` with the Sage id and `SI-n`. */
export async function deliverInvoiceCreated(ctx: DeliveryContext): Promise<void> {
  const { ref, fresh } = await ensureInvoice(ctx, ctx.entityId);
  if (!fresh) await ctx.chip({ status: 'synced', providerEntityId: ref.id, providerReference: ref.reference });
}

/**
 * `invoice.paid` (a.3, b.3): a `CUSTOMER_RECEIPT` into the mapped bank
 * account, allocated to the invoice, which is posted first when missing.
 * No bank account for the method: skipped `payment_method_not_mapped`, the
 * invoice stays unpaid in Sage.
 */
export async function deliverInvoicePaid(ctx: DeliveryContext): Promise<void> {
  const invoice = await required(ctx.source.invoice(ctx.entityId), 'invoice', ctx.entityId);
  const payment = await required(ctx.source.payment(ctx.entityId), 'payment of invoice', ctx.entityId);
  const method = payment.method || invoice.payment_method || null;
  const bankAccountId = bankAccountFor(ctx.policy, method);
  const known = await ctx.ensure.xrefs.find(ctx.ensure.scope, 'invoice', String(ctx.entityId));
  if (bankAccountId === null) {
    throw new PolicySkip('payment_method_not_mapped', `No bank account for payment method "${method ?? '(none)'}": the invoice stays unpaid in Sage (b.3)`, known?.providerId ?? null, known?.reference ?? null);
  }
  if (!(payment.amount > 0)) throw new PolicySkip('zero_value_invoice', 'Nothing was paid', known?.providerId ?? null, known?.reference ?? null);
  const { ref: posted } = await ensureInvoice(ctx, ctx.entityId);
  const reference = documentReference(ctx.policy, invoice.increment_id);
  await ensureObject(ctx.ensure, {
    kind: 'payment',
    hostKey: String(ctx.entityId),
    lookup: async () => {
      const found = await findInList(ctx.api, '/contact_payments', { contact_id: posted.contactId ?? '', transaction_type_id: 'CUSTOMER_RECEIPT' }, (item) => allocates(item, posted.id) || item.reference === reference);
      return found ? documentRef(found) : null;
    },
    create: async () => {
      const outstanding = await outstandingOf(ctx, `/sales_invoices/${posted.id}`);
      const body = paymentPayload({
        payment,
        contactId: posted.contactId ?? '',
        invoiceId: posted.id,
        bankAccountId,
        reference,
        currency: invoice.currency,
        exchangeRate: exchangeRateOf(ctx.policy, invoice.currency, invoice.base_to_order_rate),
        allocate: outstanding,
        now: ctx.now(),
      });
      return documentRef((await ctx.api.post<{ id: string }>('/contact_payments', body)).body as never);
    },
    commit: (_payment, transaction) => ctx.chip({ status: 'synced', providerEntityId: posted.id, providerReference: posted.reference }, { transaction }),
  });
}
