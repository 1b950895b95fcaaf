import {
  type CanonicalSource,
  type ChangedEntity,
  type ChangedSinceQuery,
  type Contact,
  type CreditMemo,
  type Invoice,
  type InvoiceLine,
  type Payment,
  type PaymentMethod,
  type Product,
  formatWireTimestamp,
  lineTaxRate,
} from '@byte8/core';
import type { ShopDb } from '../db/shop-tables.js';
import { lineAmounts, orderTotals, round2 } from '../domain/order-totals.js';
import { creditMemoLines } from '../domain/refunds.js';
import { STORE_ID, WEBSITE_ID } from '../domain/shop-deps.js';
import { addressOf, contactOf, guestContactOf } from './contact-of.js';

/** The payment methods the demo checkout offers (§7.3). */
export const SHOP_PAYMENT_METHODS: readonly PaymentMethod[] = [
  { code: 'checkmo', label: 'Check / Money order', is_active: true },
  { code: 'banktransfer', label: 'Bank transfer', is_active: true },
  { code: 'cashondelivery', label: 'Cash on delivery', is_active: false },
];

/**
 * The shop's tables in the contract's shapes (wire-contract §8). Ids are the
 * shop's own integer ids, so they are the wire ids as they are.
 */
export function shopCanonicalSource(db: ShopDb): CanonicalSource {
  async function orderParts(orderId: number) {
    const order = await db.selectFrom('shop_orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('shop_order_lines').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
    const customer = order.customer_id
      ? await db.selectFrom('shop_customers').selectAll().where('id', '=', order.customer_id).executeTakeFirst()
      : undefined;
    const lines: InvoiceLine[] = rows.map((row) => {
      const { rowTotal, tax } = lineAmounts(row);
      return {
        sku: row.sku,
        name: row.name,
        qty: row.qty,
        unit_price: row.unit_price,
        line_subtotal: rowTotal,
        line_tax: tax,
        line_total: round2(rowTotal + tax),
        tax_rate: lineTaxRate(tax, rowTotal),
        product_type: row.product_type,
      };
    });
    const contact: Contact = customer ? contactOf(customer) : guestContactOf(order);
    return { order, customer, lines, contact, totals: orderTotals(rows, order.shipping_amount) };
  }

  return {
    async invoice(id): Promise<Invoice | null> {
      const invoice = await db.selectFrom('shop_invoices').selectAll().where('id', '=', id).executeTakeFirst();
      if (!invoice) return null;
      const { order, customer, lines, contact, totals } = await orderParts(invoice.order_id);
      return {
        magento_id: invoice.id,
        increment_id: invoice.number,
        order_id: order.id,
        order_increment_id: order.number,
        website_id: WEBSITE_ID,
        store_id: STORE_ID,
        currency: order.currency.trim(),
        state: invoice.state,
        customer: contact,
        lines,
        subtotal: totals.subtotal,
        tax_amount: totals.taxAmount,
        shipping_amount: totals.shippingAmount,
        shipping_tax_amount: 0,
        discount_amount: 0,
        grand_total: totals.grandTotal,
        created_at: formatWireTimestamp(invoice.created_at),
        payment_method: order.payment_method,
        billing_address: customer ? addressOf(customer, 'billing') : null,
        shipping_address: customer ? addressOf(customer, 'shipping') : null,
        base_to_order_rate: 1,
      };
    },

    async creditMemo(id): Promise<CreditMemo | null> {
      const memo = await db.selectFrom('shop_credit_memos').selectAll().where('id', '=', id).executeTakeFirst();
      if (!memo) return null;
      const { order, contact } = await orderParts(memo.order_id);
      // What this memo refunds, not the whole order (wire-contract §8.5: "every memo item").
      const refunded = await creditMemoLines(db, memo.id);
      const lines: InvoiceLine[] = refunded.lines.map((line) => ({
        sku: line.sku,
        name: line.name,
        qty: line.qty,
        unit_price: line.unit_price,
        line_subtotal: line.rowTotal,
        line_tax: line.tax,
        line_total: line.lineTotal,
        tax_rate: lineTaxRate(line.tax, line.rowTotal),
        product_type: line.product_type,
      }));
      const invoice = memo.invoice_id
        ? await db.selectFrom('shop_invoices').select(['id', 'number', 'created_at']).where('id', '=', memo.invoice_id).executeTakeFirst()
        : undefined;
      return {
        magento_id: memo.id,
        increment_id: memo.number,
        invoice_id: invoice?.id ?? null,
        invoice_increment_id: invoice?.number ?? null,
        website_id: WEBSITE_ID,
        currency: order.currency.trim(),
        customer: contact,
        lines,
        adjustment_positive: 0,
        adjustment_negative: 0,
        grand_total: refunded.totals.grandTotal,
        shipping_amount: refunded.totals.shippingAmount,
        shipping_tax_amount: 0,
        reason: memo.reason,
        created_at: formatWireTimestamp(memo.created_at),
        invoice_created_at: invoice ? formatWireTimestamp(invoice.created_at) : null,
        base_to_order_rate: 1,
      };
    },

    async customer(id): Promise<Contact | null> {
      const customer = await db.selectFrom('shop_customers').selectAll().where('id', '=', id).executeTakeFirst();
      return customer ? contactOf(customer) : null;
    },

    async product(id): Promise<Product | null> {
      const product = await db.selectFrom('shop_products').selectAll().where('id', '=', id).executeTakeFirst();
      if (!product) return null;
      return {
        magento_id: product.id,
        sku: product.sku,
        name: product.name,
        product_type: product.product_type,
        price: product.price,
        stock_qty: product.manage_stock ? product.stock_qty : null,
        // MySQL hands BOOLEAN back as 1 or 0.
        manage_stock: Boolean(product.manage_stock),
        tax_class: product.tax_rate > 0 ? '2' : '0',
        website_ids: [WEBSITE_ID],
        created_at: formatWireTimestamp(product.created_at),
        updated_at: formatWireTimestamp(product.updated_at),
      };
    },

    async payment(invoiceId): Promise<Payment | null> {
      const invoice = await db.selectFrom('shop_invoices').selectAll().where('id', '=', invoiceId).executeTakeFirst();
      if (!invoice) return null;
      const payment = await db.selectFrom('shop_payments').selectAll().where('invoice_id', '=', invoiceId).executeTakeFirst();
      if (!payment) return null;
      const { order, totals } = await orderParts(invoice.order_id);
      return {
        magento_id: invoice.id,
        invoice_id: invoice.id,
        invoice_increment_id: invoice.number,
        method: payment.method,
        currency: order.currency.trim(),
        // §8.6: the invoice's grand total and created_at, not the payment row's.
        amount: totals.grandTotal,
        captured_at: formatWireTimestamp(invoice.created_at),
        gateway_txn_id: payment.txn_id,
        gateway_metadata: [],
      };
    },

    async paymentMethods(): Promise<PaymentMethod[]> {
      return [...SHOP_PAYMENT_METHODS];
    },

    async changedSince(query: ChangedSinceQuery): Promise<ChangedEntity[]> {
      const table = { invoice: 'shop_invoices', creditmemo: 'shop_credit_memos', customer: 'shop_customers', product: 'shop_products' } as const;
      const name = table[query.entityType];
      let select = db
        .selectFrom(name)
        .select(['id', 'updated_at'])
        .where((eb) =>
          eb.or([
            eb('updated_at', '>', query.since),
            eb.and([eb('updated_at', '=', query.since), eb('id', '>', query.afterId ?? Number.MAX_SAFE_INTEGER)]),
          ]),
        );
      if (query.until) select = select.where('updated_at', '<=', query.until);
      const rows = await select.orderBy('updated_at').orderBy('id').limit(query.limit).execute();
      return rows.map((row) => ({ id: row.id, changedAt: row.updated_at }));
    },
  };
}
