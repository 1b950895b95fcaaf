import type { Contact, CreditMemo } from '@byte8/core';
import type { GraphOrder, GraphRefund } from './graph-types.js';
import { toMoney } from './numbers.js';
import { orderRefunds } from './order-payments.js';
import { requiredWireTime, wireTime } from './timestamps.js';
import { documentNumber } from './to-invoice.js';

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
 * A refund as a credit memo (wire-contract §8.5). Refunds are the only
 * credit memos: Medusa never refunds on its own when a return is received,
 * the merchant refunds the outstanding amount, so booking the return too
 * would credit the customer twice. As with Magento's adjustment refunds: no
 * lines, the amount as `adjustment_positive`, numbered `{display_id}-R{n}`.
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
