import { sql } from 'kysely';

// Rounded per line exactly as the canonical source does (row total, then tax on it).
const lineTotal = (qty: string) =>
  sql.raw(`round((${qty} * l.unit_price)::numeric, 2) + round(round((${qty} * l.unit_price)::numeric, 2) * l.tax_rate::numeric, 2)`);

/** Grand total of the order aliased `o` (what its invoice covers), in SQL. */
export const ORDER_TOTAL = sql`(select coalesce(sum(${lineTotal('l.qty')}), 0) from shop_order_lines l where l.order_id = o.id) + o.shipping_amount::numeric`;

/** Grand total of the credit memo aliased `d`: what it refunds. */
export const CREDIT_MEMO_TOTAL = sql`(select coalesce(sum(${lineTotal('ml.qty')}), 0) from shop_credit_memo_lines ml
  join shop_order_lines l on l.id = ml.order_line_id where ml.credit_memo_id = d.id) + d.shipping_amount::numeric`;
