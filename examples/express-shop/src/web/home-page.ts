import { html, type SafeHtml } from '@byte8/adapter-express';
import type { AdminApi, Provider } from '@byte8/core';
import { SHOP_PAYMENT_METHODS } from '../canonical/shop-canonical-source.js';
import type { ShopDb } from '../db/shop-tables.js';
import { invoiceTotal } from '../domain/sales.js';
import { renderOrdersTable } from './orders-table.js';
import { money } from './format-money.js';
import { shopPage } from './shop-layout.js';

export interface HomePageDeps {
  readonly db: ShopDb;
  readonly admin: AdminApi;
  readonly providers: readonly Provider[];
  readonly adminPath: string;
}

/** What the shop says after an order was placed: what, for whom, how much. */
async function placedNotice(db: ShopDb, orderId: number): Promise<SafeHtml | ''> {
  const order = await db.selectFrom('shop_orders').select(['number', 'email', 'currency']).where('id', '=', orderId).executeTakeFirst();
  if (!order) return '';
  const lines = await db.selectFrom('shop_order_lines').select(['qty', 'name']).where('order_id', '=', orderId).orderBy('id').execute();
  const { grandTotal } = await invoiceTotal(db, orderId);
  return html`<p class="notice" role="status" id="order-placed">Order <strong>${order.number}</strong> placed for ${order.email}:
${lines.map((l, i) => `${i > 0 ? ', ' : ''}${l.qty} × ${l.name}`).join('')}; total ${money(grandTotal, order.currency)}. Invoice it below when it ships.</p>`;
}

function stockWords(product: { stock_qty: number; manage_stock: boolean }): string {
  if (!product.manage_stock) return 'stock not tracked';
  return product.stock_qty > 0 ? `${product.stock_qty} in stock` : 'out of stock';
}

/** The shop's one back-office page: customers, products, orders and their documents with their sync status. */
export async function renderHomePage(deps: HomePageDeps, notice: { readonly placedOrderId?: number | null; readonly error?: string | null } = {}): Promise<string> {
  const { db } = deps;
  const customers = await db.selectFrom('shop_customers').selectAll().orderBy('id').limit(100).execute();
  const products = await db.selectFrom('shop_products').selectAll().orderBy('id').limit(100).execute();
  const placed = notice.placedOrderId ? await placedNotice(db, notice.placedOrderId) : '';
  const body = html`${notice.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}${placed}
<section aria-labelledby="new-order"><h2 id="new-order">New order</h2>
<form method="post" action="/orders">
<label for="order-customer">Customer</label><select id="order-customer" name="customerId">${customers.map((c) => html`<option value="${c.id}">${c.first_name} ${c.last_name} (${c.email})</option>`)}<option value="guest">Guest checkout</option></select>
<label for="order-guest">Guest email</label><input id="order-guest" name="guestEmail" type="email" size="18">
<label for="order-product">Product</label><select id="order-product" name="productId">${products.map((p) => html`<option value="${p.id}">${p.name} (${p.sku}, ${stockWords(p)})</option>`)}</select>
<label for="order-qty">Qty</label><input id="order-qty" name="qty" type="number" min="1" value="1" size="3">
<label for="order-method">Payment</label><select id="order-method" name="paymentMethod">${SHOP_PAYMENT_METHODS.filter((m) => m.is_active).map((m) => html`<option value="${m.code}">${m.label}</option>`)}</select>
<button type="submit">Place order</button></form></section>
${await renderOrdersTable(deps, notice.placedOrderId ?? null)}
<section aria-labelledby="products"><h2 id="products">Products</h2><table><thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Price</th><th scope="col">Tax</th><th scope="col">Stock</th></tr></thead><tbody>
${products.map((p) => html`<tr><td class="nowrap">${p.sku}</td><td>${p.name}</td><td class="num">${p.price.toFixed(2)}</td><td class="nowrap">${Math.round(p.tax_rate * 100)} %</td>
<td>${p.manage_stock ? html`<form class="inline" method="post" action="/products/${p.id}/stock"><label for="stock-${p.id}" class="sr">Stock of ${p.sku}</label><input id="stock-${p.id}" name="stockQty" type="number" min="0" value="${p.stock_qty}" size="4"><button type="submit">Set</button></form>` : 'not tracked'}</td></tr>`)}</tbody></table>
<form method="post" action="/products"><label for="p-sku">SKU</label><input id="p-sku" name="sku" required size="8"><label for="p-name">Name</label><input id="p-name" name="name" required size="14">
<label for="p-price">Price</label><input id="p-price" name="price" type="number" step="0.01" min="0" required size="6"><label for="p-tax">Tax %</label><input id="p-tax" name="taxPercent" type="number" min="0" max="99" value="20" size="3">
<label for="p-stock">Stock</label><input id="p-stock" name="stockQty" type="number" min="0" value="10" size="4"><button type="submit">Add product</button></form></section>
<section aria-labelledby="customers"><h2 id="customers">Customers</h2><table><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">City</th><th scope="col">Country</th></tr></thead><tbody>
${customers.map((c) => html`<tr><td>${c.first_name} ${c.last_name}</td><td>${c.email}</td><td>${c.city}</td><td>${c.country_id}</td></tr>`)}</tbody></table>
<form method="post" action="/customers"><label for="c-first">First name</label><input id="c-first" name="firstName" required size="10"><label for="c-last">Last name</label><input id="c-last" name="lastName" required size="10">
<label for="c-email">Email</label><input id="c-email" name="email" type="email" required size="18"><label for="c-street">Street</label><input id="c-street" name="street" size="14">
<label for="c-city">City</label><input id="c-city" name="city" size="10"><label for="c-postcode">Postcode</label><input id="c-postcode" name="postcode" size="8">
<label for="c-country">Country</label><input id="c-country" name="countryId" value="GB" size="2" maxlength="2"><button type="submit">Add customer</button></form></section>`;
  return shopPage('Shop back office', body, deps.adminPath);
}
