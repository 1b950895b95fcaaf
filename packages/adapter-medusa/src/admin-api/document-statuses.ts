import { type DocumentStatusView, type EntityType, entityTypesOf } from '@byte8/core';
import type { MedusaConnector } from '../connector/create-medusa-connector.js';
import { orderRefunds } from '../mapping/order-payments.js';
import { ENTITY_KINDS } from '../source/entity-kinds.js';

export interface ProviderDocuments {
  readonly provider: string;
  readonly name: string;
  readonly documents: ReadonlyArray<DocumentStatusView & { readonly label: string }>;
}

async function statuses(
  medusa: MedusaConnector,
  entityType: EntityType,
  entries: ReadonlyArray<{ readonly hostId: string; readonly label: string }>,
): Promise<ProviderDocuments[]> {
  const refs = medusa.connector.storage.entityRefs;
  const ids = await Promise.all(entries.map((entry) => refs.aliasOf(ENTITY_KINDS[entityType], entry.hostId)));
  const result: ProviderDocuments[] = [];
  // Only providers that sync this kind of entity: Xero and FreeAgent have no product status to show.
  for (const provider of medusa.connector.providers.filter((p) => entityTypesOf(p).includes(entityType))) {
    const views = await medusa.connector.admin.documentStatuses(entityType, ids, provider.key);
    const byId = new Map(views.map((view) => [view.entityId, view]));
    const documents = entries.flatMap((entry, index) => {
      const view = byId.get(ids[index]!);
      return view ? [{ ...view, label: entry.label }] : [];
    });
    result.push({ provider: provider.key, name: provider.labels.name, documents });
  }
  return result;
}

/**
 * The payment of each provider: the invoice's `invoice.paid` event, delivered
 * or not, and the ledger's answer once it came after it (the mirror keeps one
 * row per invoice, shared by its created and paid events).
 */
async function paymentStatuses(medusa: MedusaConnector, invoiceId: number, label: string) {
  const payments = [];
  for (const provider of medusa.connector.providers) {
    const events = await medusa.connector.admin.eventStatuses('invoice', invoiceId, provider.key);
    const paid = events.find((event) => event.eventName === 'invoice.paid');
    payments.push({
      provider: provider.key,
      name: provider.labels.name,
      paidEventQueued: paid !== undefined,
      documents: paid ? [{ ...paid, label, entityType: 'invoice' as const, entityId: invoiceId, reason: paid.status === 'failed' || paid.status === 'skipped' ? paid.detail : null }] : [],
    });
  }
  return payments;
}

/** Sync status of an order's invoice, its payment (the `invoice.paid` event) and its credit memos. */
export async function orderStatuses(medusa: MedusaConnector, orderId: string) {
  const order = await medusa.source.orderById(orderId);
  if (!order) return null;
  const number = order.display_id ?? order.id;
  const invoiceId = await medusa.connector.storage.entityRefs.aliasOf(ENTITY_KINDS.invoice, order.id);
  const invoice = await statuses(medusa, 'invoice', [{ hostId: order.id, label: `Invoice #${number}` }]);
  const refunds = orderRefunds(order).map((refund, index) => ({ hostId: refund.id, label: `Credit memo #${number}-R${index + 1}` }));
  const creditMemos = await statuses(medusa, 'creditmemo', refunds);
  const payments = await paymentStatuses(medusa, invoiceId, `Payment #${number}`);
  return { orderId: order.id, invoiceId, invoice, creditMemos, payments };
}

/** Sync status of a registered customer. */
export async function customerStatuses(medusa: MedusaConnector, customerId: string) {
  return { customerId, statuses: await statuses(medusa, 'customer', [{ hostId: customerId, label: 'Contact' }]) };
}

/** Sync status of every variant of a product. */
export async function productStatuses(medusa: MedusaConnector, productId: string) {
  const variants = await medusa.source.variantsOfProduct(productId);
  return { productId, statuses: await statuses(medusa, 'product', variants.map((v) => ({ hostId: v.id, label: v.label }))) };
}
