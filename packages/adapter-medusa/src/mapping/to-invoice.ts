import type { Contact, Invoice, InvoiceState } from '@byte8/core';
import type { GraphOrder } from './graph-types.js';
import { toMoney } from './numbers.js';
import { invoiceTotal, isFullyPaid, orderPayments } from './order-payments.js';
import { requiredWireTime } from './timestamps.js';
import { toAddress } from './to-address.js';
import { toInvoiceLine } from './to-invoice-line.js';

export interface InvoiceIds {
  /** Alias of the order: one Medusa order is one invoice, and also its order id on the wire. */
  readonly invoiceId: number;
  readonly websiteId: number;
  readonly storeId: number;
}

/** The order's document number: `display_id`, falling back to the Medusa id. */
export function documentNumber(order: GraphOrder): string {
  return order.display_id !== null && order.display_id !== undefined ? String(order.display_id) : order.id;
}

/** Wire state of the order seen as an invoice. */
export function invoiceState(order: GraphOrder): InvoiceState {
  if (order.status === 'canceled' || order.canceled_at) return 'cancelled';
  return isFullyPaid(order) ? 'paid' : 'open';
}

/**
 * A Medusa order as the contract's invoice (wire-contract §8.1). Medusa has no
 * invoice entity, so the placed order is the invoice; currency and tax come
 * from the order, `display_id` is the document number.
 */
export function toInvoice(order: GraphOrder, customer: Contact, ids: InvoiceIds): Invoice {
  const number = documentNumber(order);
  const provider = orderPayments(order).find((p) => p.provider_id)?.provider_id ?? null;
  return {
    magento_id: ids.invoiceId,
    increment_id: number,
    order_id: ids.invoiceId,
    order_increment_id: number,
    website_id: ids.websiteId,
    store_id: ids.storeId,
    currency: order.currency_code.toUpperCase(),
    state: invoiceState(order),
    customer,
    lines: (order.items ?? []).map((item) => toInvoiceLine(item)),
    subtotal: toMoney(order.item_subtotal),
    tax_amount: toMoney(order.tax_total),
    shipping_amount: toMoney(order.shipping_subtotal),
    shipping_tax_amount: toMoney(order.shipping_tax_total),
    // Magento's sign: the invoice-level discount is negative.
    discount_amount: -Math.abs(toMoney(order.discount_total)),
    grand_total: invoiceTotal(order),
    created_at: requiredWireTime(order.created_at),
    payment_method: provider,
    billing_address: toAddress(order.billing_address, 'billing'),
    shipping_address: toAddress(order.shipping_address, 'shipping'),
    base_to_order_rate: 1,
  };
}
