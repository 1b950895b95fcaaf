import type { Payment } from '@byte8/core';
import type { GraphOrder } from './graph-types.js';
import { invoiceTotal, orderPayments } from './order-payments.js';
import { requiredWireTime } from './timestamps.js';
import { documentNumber } from './to-invoice.js';

/**
 * The payment of an invoice (wire-contract §8.6), or null when the order has
 * no payment. `amount` is the invoice total, as Magento sends. Provider data
 * is not forwarded: it can hold client secrets.
 */
export function toPayment(order: GraphOrder, invoiceId: number): Payment | null {
  const payments = orderPayments(order).filter((p) => !p.canceled_at);
  const payment = payments.find((p) => p.captured_at) ?? payments[0];
  if (!payment) return null;
  const firstCapture = [...(payment.captures ?? [])].sort(
    (a, b) => new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime(),
  )[0];
  return {
    magento_id: invoiceId,
    invoice_id: invoiceId,
    invoice_increment_id: documentNumber(order),
    method: payment.provider_id ?? 'unknown',
    currency: order.currency_code.toUpperCase(),
    amount: invoiceTotal(order),
    captured_at: requiredWireTime(payment.captured_at ?? firstCapture?.created_at ?? order.created_at),
    gateway_txn_id: payment.id,
    gateway_metadata: [],
  };
}
