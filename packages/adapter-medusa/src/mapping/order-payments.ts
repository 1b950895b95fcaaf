import type { GraphOrder, GraphPayment, GraphRefund } from './graph-types.js';
import { toMoney } from './numbers.js';

/** Every payment of an order, across its payment collections. */
export function orderPayments(order: GraphOrder): GraphPayment[] {
  return (order.payment_collections ?? []).flatMap((collection) => collection.payments ?? []);
}

/**
 * The order's total as invoiced. Medusa lowers `order.total` by its credit
 * lines, and a refund beyond what the customer owed adds one; that refund is
 * its own credit memo, so the invoice keeps the total as placed.
 */
export function invoiceTotal(order: GraphOrder): number {
  return toMoney(order.total) + toMoney(order.credit_line_total);
}

/** Money captured on the order so far. */
export function capturedTotal(order: GraphOrder): number {
  return orderPayments(order).reduce((sum, payment) => {
    const captures = payment.captures ?? [];
    if (captures.length > 0) return sum + captures.reduce((s, c) => s + toMoney(c.amount), 0);
    // Auto-capturing providers may mark the payment captured without capture rows.
    return payment.captured_at ? sum + toMoney(payment.amount) : sum;
  }, 0);
}

/** Paid means fully captured: Magento's invoice state 2. */
export function isFullyPaid(order: GraphOrder): boolean {
  const total = invoiceTotal(order);
  return total > 0 ? capturedTotal(order) + 0.005 >= total : orderPayments(order).some((p) => Boolean(p.captured_at));
}

/** The order's refunds, oldest first: the order their credit-memo numbers follow. */
export function orderRefunds(order: GraphOrder): GraphRefund[] {
  return orderPayments(order)
    .flatMap((payment) => payment.refunds ?? [])
    .sort((a, b) => {
      const at = new Date(a.created_at ?? 0).getTime() - new Date(b.created_at ?? 0).getTime();
      return at !== 0 ? at : a.id.localeCompare(b.id);
    });
}
