import { html } from '@byte8/adapter-express';
import { sql } from 'kysely';
import { SHOP_PAYMENT_METHODS } from '../canonical/shop-canonical-source.js';
import type { ShopDb } from '../db/shop-tables.js';
import { shopPage } from './shop-layout.js';

const money = (value: number | string, currency: string) => `${Number(value).toFixed(2)} ${currency.trim()}`;

/** The shop's one back-office page: customers, products, orders and their documents. */
export async function renderHomePage(db: ShopDb, adminPath: string, error: string | null): Promise<string> {
  const customers = await db.selectFrom('shop_customers').selectAll().orderBy('id').limit(100).execute();
  const products = await db.selectFrom('shop_products').selectAll().orderBy('id').limit(100).execute();
  const { rows: orders } = await sql<{
    id: number; number: string; email: string; currency: string; total: string;
    invoice_id: number | null; invoice_number: string | null; invoice_state: string | null; memo_id: number | null; memo_number: string | null;
  }>`select o.id, o.number, o.email, o.currency,
      (select coalesce(sum(round((l.qty * l.unit_price)::numeric, 2) + round(round((l.qty * l.unit_price)::numeric, 2) * l.tax_rate::numeric, 2)), 0)
        from shop_order_lines l where l.order_id = o.id) + o.shipping_amount::numeric as total,
      i.id as invoice_id, i.number as invoice_number, i.state as invoice_state, m.id as memo_id, m.number as memo_number
    from shop_orders o left join shop_invoices i on i.order_id = o.id left join shop_credit_memos m on m.invoice_id = i.id
    order by o.id desc limit 100`.execute(db);

  const orderRows = orders.map((o) => {
    let actions = html``;
    if (!o.invoice_id) actions = html`<form class="inline" method="post" action="/orders/${o.id}/invoice"><button type="submit">Invoice ${o.number}</button></form>`;
    else if (o.invoice_state === 'open') actions = html`<form class="inline" method="post" action="/invoices/${o.invoice_id}/pay"><button type="submit">Pay ${o.invoice_number}</button></form>`;
    else if (o.invoice_state === 'paid' && !o.memo_id)
      actions = html`<form class="inline" method="post" action="/invoices/${o.invoice_id}/refund"><label for="reason-${o.id}">Reason</label><input id="reason-${o.id}" name="reason" size="14"><button type="submit">Refund ${o.invoice_number}</button></form>`;
    return html`<tr><td>${o.number}</td><td>${o.email}</td><td class="num">${money(o.total, o.currency)}</td>
<td>${o.invoice_id ? html`<a href="/invoices/${o.invoice_id}">${o.invoice_number}</a> (${o.invoice_state})` : '—'}</td>
<td>${o.memo_id ? html`<a href="/creditmemos/${o.memo_id}">${o.memo_number}</a>` : '—'}</td><td>${actions}</td></tr>`;
  });

  const body = html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<section aria-labelledby="new-order"><h2 id="new-order">New order</h2>
<form method="post" action="/orders">
<label for="order-customer">Customer</label><select id="order-customer" name="customerId">${customers.map((c) => html`<option value="${c.id}">${c.first_name} ${c.last_name} (${c.email})</option>`)}<option value="guest">Guest checkout</option></select>
<label for="order-guest">Guest email</label><input id="order-guest" name="guestEmail" type="email" size="18">
<label for="order-product">Product</label><select id="order-product" name="productId">${products.map((p) => html`<option value="${p.id}">${p.name} (${p.sku}, ${p.stock_qty} in stock)</option>`)}</select>
<label for="order-qty">Qty</label><input id="order-qty" name="qty" type="number" min="1" value="1" size="3">
<label for="order-method">Payment</label><select id="order-method" name="paymentMethod">${SHOP_PAYMENT_METHODS.filter((m) => m.is_active).map((m) => html`<option value="${m.code}">${m.label}</option>`)}</select>
<button type="submit">Place order</button></form></section>
<section aria-labelledby="orders"><h2 id="orders">Orders</h2><table><thead><tr><th scope="col">Order</th><th scope="col">Customer</th><th scope="col">Total</th><th scope="col">Invoice</th><th scope="col">Credit memo</th><th scope="col">Action</th></tr></thead>
<tbody>${orderRows}</tbody></table></section>
<section aria-labelledby="products"><h2 id="products">Products</h2><table><thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Price</th><th scope="col">Tax</th><th scope="col">Stock</th></tr></thead><tbody>
${products.map((p) => html`<tr><td>${p.sku}</td><td>${p.name}</td><td class="num">${p.price.toFixed(2)}</td><td>${Math.round(p.tax_rate * 100)} %</td>
<td><form class="inline" method="post" action="/products/${p.id}/stock"><label for="stock-${p.id}" class="sr">Stock of ${p.sku}</label><input id="stock-${p.id}" name="stockQty" type="number" min="0" value="${p.stock_qty}" size="4"><button type="submit">Set</button></form></td></tr>`)}</tbody></table>
<form method="post" action="/products"><label for="p-sku">SKU</label><input id="p-sku" name="sku" required size="8"><label for="p-name">Name</label><input id="p-name" name="name" required size="14">
<label for="p-price">Price</label><input id="p-price" name="price" type="number" step="0.01" min="0" required size="6"><label for="p-tax">Tax %</label><input id="p-tax" name="taxPercent" type="number" min="0" max="99" value="20" size="3">
<label for="p-stock">Stock</label><input id="p-stock" name="stockQty" type="number" min="0" value="10" size="4"><button type="submit">Add product</button></form></section>
<section aria-labelledby="customers"><h2 id="customers">Customers</h2><table><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">City</th><th scope="col">Country</th></tr></thead><tbody>
${customers.map((c) => html`<tr><td>${c.first_name} ${c.last_name}</td><td>${c.email}</td><td>${c.city}</td><td>${c.country_id}</td></tr>`)}</tbody></table>
<form method="post" action="/customers"><label for="c-first">First name</label><input id="c-first" name="firstName" required size="10"><label for="c-last">Last name</label><input id="c-last" name="lastName" required size="10">
<label for="c-email">Email</label><input id="c-email" name="email" type="email" required size="18"><label for="c-street">Street</label><input id="c-street" name="street" size="14">
<label for="c-city">City</label><input id="c-city" name="city" size="10"><label for="c-postcode">Postcode</label><input id="c-postcode" name="postcode" size="8">
<label for="c-country">Country</label><input id="c-country" name="countryId" value="GB" size="2" maxlength="2"><button type="submit">Add customer</button></form></section>`;
  return shopPage('Shop back office', body, adminPath);
}
