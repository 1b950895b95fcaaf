import type { Contact, CreditMemo } from '@byte8/core';
import type { GraphOrder, GraphRefund, GraphReturn } from './graph-types.js';
import { round4, toMoney } from './numbers.js';
import { orderRefunds } from './order-payments.js';
import { requiredWireTime, wireTime } from './timestamps.js';
import { documentNumber } from './to-invoice.js';
import { toInvoiceLine } from './to-invoice-line.js';

export interface CreditMemoIds {
  readonly creditMemoId: number;
  readonly invoiceId: number;
  readonly websiteId: number;
}

function base(order: GraphOrder, customer: Contact, ids: CreditMemoIds) {
  return {
    magento_id: ids.creditMemoId,
    invoice_id: ids.invoiceId,
    invoice_increment_id: documentNumber(order),
    website_id: ids.websiteId,
    currency: order.currency_code.toUpperCase(),
    customer,
    invoice_created_at: wireTime(order.created_at),
    base_to_order_rate: 1,
  };
}

/**
 * A refund as a credit memo (wire-contract §8.5): money back without goods,
 * so, as with Magento's adjustment refunds, no lines and the amount as
 * `adjustment_positive`. Numbered `{display_id}-R{n}` in refund order.
 */
export function refundToCreditMemo(order: GraphOrder, refund: GraphRefund, customer: Contact, ids: CreditMemoIds): CreditMemo {
  const position = orderRefunds(order).findIndex((r) => r.id === refund.id);
  const amount = toMoney(refund.amount);
  return {
    ...base(order, customer, ids),
    increment_id: `${documentNumber(order)}-R${position >= 0 ? position + 1 : refund.id}`,
    lines: [],
    adjustment_positive: amount,
    adjustment_negative: 0,
    grand_total: amount,
    shipping_amount: 0,
    shipping_tax_amount: 0,
    reason: refund.note?.trim() || refund.refund_reason?.label?.trim() || null,
    created_at: requiredWireTime(refund.created_at),
  };
}

/**
 * A received return as a credit memo: the returned quantities of the order
 * lines, at the prices and tax of the order. Numbered `{display_id}-RET{n}`.
 */
export function returnToCreditMemo(order: GraphOrder, received: GraphReturn, customer: Contact, ids: CreditMemoIds): CreditMemo {
  const items = new Map((order.items ?? []).map((item) => [item.id, item]));
  const lines = (received.items ?? []).flatMap((returned) => {
    const item = items.get(returned.item_id);
    const qty = toMoney(returned.received_quantity ?? returned.quantity);
    return item && qty > 0 ? [toInvoiceLine(item, qty)] : [];
  });
  const position = (order.returns ?? []).findIndex((r) => r.id === received.id);
  return {
    ...base(order, customer, ids),
    increment_id: `${documentNumber(order)}-RET${position >= 0 ? position + 1 : received.id}`,
    lines,
    adjustment_positive: 0,
    adjustment_negative: 0,
    grand_total: round4(lines.reduce((sum, line) => sum + Number(line.line_total), 0)),
    shipping_amount: 0,
    shipping_tax_amount: 0,
    reason: null,
    created_at: requiredWireTime(received.received_at ?? received.created_at),
  };
}
