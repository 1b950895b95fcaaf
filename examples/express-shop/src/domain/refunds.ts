import type { ShopDb, ShopTx } from '../db/shop-tables.js';
import { lineAmounts, orderTotals, round2 } from './order-totals.js';
import { STORE_ID, type ShopDeps, ShopError, WEBSITE_ID, documentNumber, requireId } from './shop-deps.js';
import { insertedId } from '../db/shop-dialect.js';

export interface RefundRequest {
  /** Quantities to refund per order line; omitted: everything not refunded yet. */
  readonly lines?: ReadonlyArray<{ readonly orderLineId: number; readonly qty: number }>;
  /** Refund the shipping too (once per invoice). Default: with `lines` omitted, yes; otherwise no. */
  readonly shipping?: boolean;
  readonly reason?: string | null;
}

/** An order line with what its invoice's credit memos refunded of it so far. */
export interface RefundableLine {
  readonly id: number;
  readonly sku: string;
  readonly name: string;
  readonly qty: number;
  readonly unitPrice: number;
  readonly taxRate: number;
  readonly refunded: number;
}

/** The invoice's order lines with their refunded quantities, and whether its shipping was refunded. */
export async function refundableLines(db: ShopDb | ShopTx, invoiceId: number): Promise<{ lines: RefundableLine[]; shipping: number; shippingRefunded: boolean }> {
  const invoice = await db.selectFrom('shop_invoices').select('order_id').where('id', '=', invoiceId).executeTakeFirst();
  if (!invoice) throw new ShopError(`No invoice ${invoiceId}.`);
  const order = await db.selectFrom('shop_orders').select('shipping_amount').where('id', '=', invoice.order_id).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('shop_order_lines').selectAll().where('order_id', '=', invoice.order_id).orderBy('id').execute();
  const refunded = await db
    .selectFrom('shop_credit_memo_lines as ml')
    .innerJoin('shop_credit_memos as m', 'm.id', 'ml.credit_memo_id')
    .select(['ml.order_line_id', (eb) => eb.fn.sum<number>('ml.qty').as('qty')])
    .where('m.invoice_id', '=', invoiceId)
    .groupBy('ml.order_line_id')
    .execute();
  const refundedOf = new Map(refunded.map((r) => [r.order_line_id, Number(r.qty)]));
  const memos = await db.selectFrom('shop_credit_memos').select((eb) => eb.fn.sum<number>('shipping_amount').as('shipping')).where('invoice_id', '=', invoiceId).executeTakeFirst();
  return {
    lines: rows.map((r) => ({ id: r.id, sku: r.sku, name: r.name, qty: r.qty, unitPrice: r.unit_price, taxRate: r.tax_rate, refunded: refundedOf.get(r.id) ?? 0 })),
    shipping: order.shipping_amount,
    shippingRefunded: Number(memos?.shipping ?? 0) > 0,
  };
}

/**
 * Refunds some or all of a paid invoice with a credit memo: chosen lines
 * and quantities (never more than is left to refund), and the shipping once.
 * The connector queues `creditmemo.created`; the memo's canonical lines and
 * totals are what it refunds (wire-contract §8.5).
 */
export async function refundInvoice(deps: ShopDeps, invoiceId: number, request: RefundRequest = {}): Promise<number> {
  requireId(invoiceId, 'invoice');
  return deps.db.transaction().execute(async (trx) => {
    const invoice = await trx.selectFrom('shop_invoices').selectAll().where('id', '=', invoiceId).forUpdate().executeTakeFirst();
    if (!invoice) throw new ShopError(`No invoice ${invoiceId}.`);
    if (invoice.state !== 'paid') throw new ShopError(`Invoice ${invoice.number} is not paid; only paid invoices are refunded.`);
    const { lines, shipping, shippingRefunded } = await refundableLines(trx, invoiceId);
    const wanted = request.lines ?? lines.map((l) => ({ orderLineId: l.id, qty: l.qty - l.refunded }));
    const seen = new Set<number>();
    const memoLines: Array<{ line: RefundableLine; qty: number }> = [];
    for (const { orderLineId, qty } of wanted) {
      const line = lines.find((l) => l.id === orderLineId);
      if (!line) throw new ShopError(`Invoice ${invoice.number} has no line ${orderLineId}.`);
      if (seen.has(orderLineId)) throw new ShopError(`Line ${line.sku} is listed twice; give each line once.`);
      seen.add(orderLineId);
      if (!Number.isInteger(qty) || qty < 0) throw new ShopError(`Refund quantities must be whole numbers >= 0 (${line.sku}).`);
      if (qty > line.qty - line.refunded) throw new ShopError(`Only ${line.qty - line.refunded} of ${line.sku} are left to refund on ${invoice.number}.`);
      if (qty > 0) memoLines.push({ line, qty });
    }
    const refundShipping = request.shipping ?? request.lines === undefined;
    if (refundShipping && request.shipping === true && (shipping <= 0 || shippingRefunded)) {
      throw new ShopError(shipping <= 0 ? `Invoice ${invoice.number} has no shipping to refund.` : `The shipping of ${invoice.number} was refunded already.`);
    }
    const shippingAmount = refundShipping && !shippingRefunded ? shipping : 0;
    if (memoLines.length === 0 && shippingAmount === 0) {
      throw new ShopError(
        request.lines === undefined ? `Invoice ${invoice.number} is refunded in full already.` : 'Nothing to refund: choose a quantity of at least one line, or the shipping.',
      );
    }
    const id = await insertedId(
      trx,
      trx
        .insertInto('shop_credit_memos')
        .values({ number: '', invoice_id: invoiceId, order_id: invoice.order_id, reason: request.reason?.trim() || null, shipping_amount: shippingAmount }),
    );
    const number = documentNumber('CM', id);
    await trx.updateTable('shop_credit_memos').set({ number }).where('id', '=', id).execute();
    if (memoLines.length > 0) {
      await trx.insertInto('shop_credit_memo_lines').values(memoLines.map(({ line, qty }) => ({ credit_memo_id: id, order_line_id: line.id, qty }))).execute();
    }
    await deps.hooks.creditMemoSaved({ before: null, after: { id, incrementId: number, websiteId: WEBSITE_ID, storeId: STORE_ID } }, { transaction: trx });
    return id;
  });
}

/** A credit memo's own lines (what it refunds) with their amounts, and its totals. */
export async function creditMemoLines(db: ShopDb | ShopTx, memoId: number) {
  const memo = await db.selectFrom('shop_credit_memos').select('shipping_amount').where('id', '=', memoId).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('shop_credit_memo_lines as ml')
    .innerJoin('shop_order_lines as l', 'l.id', 'ml.order_line_id')
    .select(['l.id', 'l.sku', 'l.name', 'l.product_type', 'l.unit_price', 'l.tax_rate', 'ml.qty'])
    .where('ml.credit_memo_id', '=', memoId)
    .orderBy('l.id')
    .execute();
  const priced = rows.map((row) => ({ ...row, ...lineAmounts(row) }));
  const totals = orderTotals(rows, memo.shipping_amount);
  return { lines: priced.map((l) => ({ ...l, lineTotal: round2(l.rowTotal + l.tax) })), totals };
}
