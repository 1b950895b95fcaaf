import { sql } from 'kysely';

// Exact decimals for the rounding; CAST rather than `::numeric`, which MySQL does not know.
const decimal = (expression: string) => `CAST(${expression} AS DECIMAL(30, 10))`;

// Rounded per line exactly as the canonical source does (row total, then tax on it).
const lineTotal = (qty: string) =>
  sql.raw(`round(${decimal(`${qty} * l.unit_price`)}, 2) + round(round(${decimal(`${qty} * l.unit_price`)}, 2) * ${decimal('l.tax_rate')}, 2)`);

/** Grand total of the order aliased `o` (what its invoice covers), in SQL. */
export const ORDER_TOTAL = sql`(select coalesce(sum(${lineTotal('l.qty')}), 0) from shop_order_lines l where l.order_id = o.id) + ${sql.raw(decimal('o.shipping_amount'))}`;

/** Grand total of the credit memo aliased `d`: what it refunds. */
export const CREDIT_MEMO_TOTAL = sql`(select coalesce(sum(${lineTotal('ml.qty')}), 0) from shop_credit_memo_lines ml
  join shop_order_lines l on l.id = ml.order_line_id where ml.credit_memo_id = d.id) + ${sql.raw(decimal('d.shipping_amount'))}`;
