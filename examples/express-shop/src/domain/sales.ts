import type { InvoiceSnapshot } from '@byte8/core';
import { SHOP_PAYMENT_METHODS } from '../canonical/shop-canonical-source.js';
import type { ShopTx } from '../db/shop-tables.js';
import { orderTotals } from './order-totals.js';
import { STORE_ID, type ShopDeps, ShopError, WEBSITE_ID, documentNumber, requireId } from './shop-deps.js';
import { insertedId } from '../db/shop-dialect.js';

export interface NewOrder {
  /** A registered customer, or null for a guest (then `guest` is required). */
  readonly customerId: number | null;
  readonly guest?: { readonly email: string; readonly firstName: string; readonly lastName: string };
  readonly items: ReadonlyArray<{ readonly productId: number; readonly qty: number }>;
  readonly paymentMethod: string;
  readonly currency?: string;
  readonly shippingAmount?: number;
}

/** Places an order and takes the stock, telling the connector about each stock change. */
export async function placeOrder(deps: ShopDeps, input: NewOrder): Promise<number> {
  const items = input.items.filter((item) => item.qty !== 0);
  if (items.length === 0) throw new ShopError('An order needs at least one item.');
  if (items.some((item) => !Number.isInteger(item.qty) || item.qty < 1)) throw new ShopError('Quantities must be whole numbers >= 1.');
  for (const item of items) requireId(item.productId, 'product');
  if (input.customerId !== null) requireId(input.customerId, 'customer');
  if (!SHOP_PAYMENT_METHODS.some((m) => m.is_active && m.code === input.paymentMethod)) throw new ShopError('Choose one of the payment methods offered.');
  return deps.db.transaction().execute(async (trx) => {
    let buyer: { customer_id: number | null; email: string; first_name: string; last_name: string };
    if (input.customerId !== null) {
      const customer = await trx.selectFrom('shop_customers').selectAll().where('id', '=', input.customerId).executeTakeFirst();
      if (!customer) throw new ShopError(`No customer ${input.customerId}.`);
      buyer = { customer_id: customer.id, email: customer.email, first_name: customer.first_name, last_name: customer.last_name };
    } else if (input.guest?.email) {
      buyer = { customer_id: null, email: input.guest.email, first_name: input.guest.firstName, last_name: input.guest.lastName };
    } else {
      throw new ShopError('Choose a customer or give a guest email.');
    }
    const id = await insertedId(
      trx,
      trx
        .insertInto('shop_orders')
        .values({ number: '', ...buyer, currency: input.currency ?? 'GBP', payment_method: input.paymentMethod, shipping_amount: input.shippingAmount ?? 0 }),
    );
    await trx.updateTable('shop_orders').set({ number: documentNumber('ORD', id) }).where('id', '=', id).execute();
    for (const item of items) {
      const product = await trx.selectFrom('shop_products').selectAll().where('id', '=', item.productId).forUpdate().executeTakeFirst();
      if (!product) throw new ShopError(`No product ${item.productId}.`);
      if (product.manage_stock && product.stock_qty <= 0) throw new ShopError(`${product.name} (${product.sku}) is out of stock: the order was not placed.`);
      if (product.manage_stock && product.stock_qty < item.qty) {
        throw new ShopError(`Only ${product.stock_qty} of ${product.name} (${product.sku}) in stock; you asked for ${item.qty}. The order was not placed.`);
      }
      await trx.insertInto('shop_order_lines').values({
        order_id: id,
        product_id: product.id,
        sku: product.sku,
        name: product.name,
        product_type: product.product_type,
        qty: item.qty,
        unit_price: product.price,
        tax_rate: product.tax_rate,
      }).execute();
      if (product.manage_stock) {
        await trx.updateTable('shop_products').set({ stock_qty: product.stock_qty - item.qty, updated_at: new Date() }).where('id', '=', product.id).execute();
        await deps.hooks.stockSaved({ productId: product.id }, { transaction: trx });
      }
    }
    return id;
  });
}

function snapshot(invoice: { id: number; number: string; state: InvoiceSnapshot['state'] }): InvoiceSnapshot {
  return { id: invoice.id, incrementId: invoice.number, state: invoice.state, websiteId: WEBSITE_ID, storeId: STORE_ID };
}

async function lockInvoice(trx: ShopTx, invoiceId: number) {
  requireId(invoiceId, 'invoice');
  const invoice = await trx.selectFrom('shop_invoices').selectAll().where('id', '=', invoiceId).forUpdate().executeTakeFirst();
  if (!invoice) throw new ShopError(`No invoice ${invoiceId}.`);
  return invoice;
}

/** Invoices a whole order (state open); the connector queues `invoice.created`. */
export async function invoiceOrder(deps: ShopDeps, orderId: number): Promise<number> {
  requireId(orderId, 'order');
  return deps.db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('shop_orders').select('id').where('id', '=', orderId).forUpdate().executeTakeFirst();
    if (!order) throw new ShopError(`No order ${orderId}.`);
    const existing = await trx.selectFrom('shop_invoices').select('number').where('order_id', '=', orderId).executeTakeFirst();
    if (existing) throw new ShopError(`Order ${orderId} is already invoiced (${existing.number}).`);
    const id = await insertedId(trx, trx.insertInto('shop_invoices').values({ number: '', order_id: orderId, state: 'open' }));
    const number = documentNumber('INV', id);
    await trx.updateTable('shop_invoices').set({ number }).where('id', '=', id).execute();
    await deps.hooks.invoiceSaved({ before: null, after: snapshot({ id, number, state: 'open' }) }, { transaction: trx });
    return id;
  });
}

/** Records the payment of an open invoice; the connector queues `invoice.paid`. */
export async function payInvoice(deps: ShopDeps, invoiceId: number, txnId: string | null = null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const invoice = await lockInvoice(trx, invoiceId);
    if (invoice.state !== 'open') throw new ShopError(`Invoice ${invoice.number} is ${invoice.state}, not open.`);
    const order = await trx.selectFrom('shop_orders').select(['payment_method']).where('id', '=', invoice.order_id).executeTakeFirstOrThrow();
    const { grandTotal } = await invoiceTotal(trx, invoice.order_id);
    await trx.insertInto('shop_payments').values({ invoice_id: invoiceId, method: order.payment_method, amount: grandTotal, txn_id: txnId }).execute();
    await trx.updateTable('shop_invoices').set({ state: 'paid', updated_at: new Date() }).where('id', '=', invoiceId).execute();
    await deps.hooks.invoiceSaved({ before: snapshot(invoice), after: snapshot({ ...invoice, state: 'paid' }) }, { transaction: trx });
  });
}

/** Totals of the order an invoice covers. */
export async function invoiceTotal(trx: ShopTx | ShopDeps['db'], orderId: number) {
  const order = await trx.selectFrom('shop_orders').select('shipping_amount').where('id', '=', orderId).executeTakeFirstOrThrow();
  const lines = await trx.selectFrom('shop_order_lines').select(['qty', 'unit_price', 'tax_rate']).where('order_id', '=', orderId).execute();
  return orderTotals(lines, order.shipping_amount);
}
