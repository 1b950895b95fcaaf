import { html, renderDetailBlock, type SafeHtml } from '@byte8/adapter-express';
import type { AdminApi, Provider } from '@byte8/core';
import { SHOP_PAYMENT_METHODS } from '../canonical/shop-canonical-source.js';
import type { ShopDb } from '../db/shop-tables.js';
import { creditMemoLines, refundableLines } from '../domain/refunds.js';
import { invoiceTotal } from '../domain/sales.js';
import { money } from './format-money.js';
import { shopPage } from './shop-layout.js';

type Deps = { db: ShopDb; admin: AdminApi; providers: readonly Provider[]; adminPath: string };
const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Paid or not, and the refunds so far; while something is left, the form that refunds it by line and quantity. */
async function invoiceSection(deps: Deps, invoiceId: number, currency: string): Promise<SafeHtml> {
  const invoice = await deps.db.selectFrom('shop_invoices').selectAll().where('id', '=', invoiceId).executeTakeFirstOrThrow();
  const payment = await deps.db.selectFrom('shop_payments').selectAll().where('invoice_id', '=', invoiceId).executeTakeFirst();
  const memos = await deps.db.selectFrom('shop_credit_memos').select(['id', 'number', 'created_at']).where('invoice_id', '=', invoiceId).orderBy('id').execute();
  const method = payment ? (SHOP_PAYMENT_METHODS.find((m) => m.code === payment.method)?.label ?? payment.method) : '';
  const paid = payment
    ? html`<p class="paid" id="invoice-payment"><strong>Paid</strong> ${money(payment.amount, currency)} on ${utc(payment.captured_at)} by ${method}${payment.txn_id ? html` (transaction <span class="mono">${payment.txn_id}</span>)` : ''}.</p>`
    : html`<div id="invoice-payment"><strong>Not paid yet.</strong> <form class="inline" method="post" action="/invoices/${invoiceId}/pay"><button type="submit">Pay ${invoice.number}</button></form></div>`;
  const refunds = memos.length
    ? html`<p id="invoice-refunds">Refunds: ${memos.map((m, i) => html`${i > 0 ? ', ' : ''}<a href="/creditmemos/${m.id}">${m.number}</a> (${utc(m.created_at)})`)}</p>`
    : '';
  if (invoice.state !== 'paid') return html`${paid}${refunds}`;
  const { lines, shipping, shippingRefunded } = await refundableLines(deps.db, invoiceId);
  const open = lines.filter((l) => l.qty - l.refunded > 0);
  if (open.length === 0 && (shipping <= 0 || shippingRefunded)) return html`${paid}${refunds}<p>Refunded in full.</p>`;
  const form = html`<form method="post" action="/invoices/${invoiceId}/refund" id="refund" aria-labelledby="refund-heading"><h2 id="refund-heading">Refund</h2>
<table><thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Invoiced</th><th scope="col">Refunded</th><th scope="col">Refund now</th></tr></thead><tbody>
${lines.map((l) => html`<tr><td class="nowrap">${l.sku}</td><td>${l.name}</td><td>${l.qty}</td><td>${l.refunded}</td>
<td>${l.qty - l.refunded > 0 ? html`<label class="sr" for="qty-${l.id}">Quantity of ${l.sku} to refund</label><input id="qty-${l.id}" name="qty-${l.id}" type="number" min="0" max="${l.qty - l.refunded}" value="0" size="3">` : '—'}</td></tr>`)}</tbody></table>
${shipping > 0 && !shippingRefunded ? html`<p><input type="checkbox" id="refund-shipping" name="shipping" value="1"><label for="refund-shipping">Refund the shipping (${money(shipping, currency)})</label></p>` : ''}
<p><label for="refund-reason">Reason</label><input id="refund-reason" name="reason" size="30" maxlength="500"><button type="submit">Refund selected</button></p></form>`;
  return html`${paid}${refunds}${form}`;
}

/**
 * An invoice or credit memo of the shop, with the connector's detail block
 * (§10.2) per provider. A credit memo shows what it refunds.
 */
export async function renderDocumentPage(deps: Deps, entityType: 'invoice' | 'creditmemo', id: number, error: string | null = null): Promise<string | null> {
  const table = entityType === 'invoice' ? 'shop_invoices' : 'shop_credit_memos';
  const doc = await deps.db.selectFrom(table).select(['id', 'number', 'order_id', 'created_at']).where('id', '=', id).executeTakeFirst();
  if (!doc) return null;
  const order = await deps.db.selectFrom('shop_orders').selectAll().where('id', '=', doc.order_id).executeTakeFirstOrThrow();
  const currency = order.currency.trim();
  let items: SafeHtml;
  if (entityType === 'invoice') {
    const lines = await deps.db.selectFrom('shop_order_lines').selectAll().where('order_id', '=', order.id).orderBy('id').execute();
    const t = await invoiceTotal(deps.db, order.id);
    items = html`<table><thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Qty</th><th scope="col">Unit price</th></tr></thead>
<tbody>${lines.map((l) => html`<tr><td class="nowrap">${l.sku}</td><td>${l.name}</td><td>${l.qty}</td><td class="num">${l.unit_price.toFixed(2)}</td></tr>`)}</tbody></table>
<p>Subtotal ${t.subtotal.toFixed(2)} · Tax ${t.taxAmount.toFixed(2)} · Shipping ${t.shippingAmount.toFixed(2)} · <strong>Grand total ${money(t.grandTotal, currency)}</strong></p>
${await invoiceSection(deps, id, currency)}`;
  } else {
    const { lines, totals: t } = await creditMemoLines(deps.db, id);
    const memo = await deps.db.selectFrom('shop_credit_memos').select(['invoice_id', 'reason']).where('id', '=', id).executeTakeFirstOrThrow();
    items = html`<table><thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Qty refunded</th><th scope="col">Unit price</th><th scope="col">Line total</th></tr></thead>
<tbody>${lines.map((l) => html`<tr><td class="nowrap">${l.sku}</td><td>${l.name}</td><td>${l.qty}</td><td class="num">${l.unit_price.toFixed(2)}</td><td class="num">${l.lineTotal.toFixed(2)}</td></tr>`)}</tbody></table>
<p>Subtotal ${t.subtotal.toFixed(2)} · Tax ${t.taxAmount.toFixed(2)} · Shipping refunded ${t.shippingAmount.toFixed(2)} · <strong>Refund total ${money(t.grandTotal, currency)}</strong></p>
${memo.reason ? html`<p>Reason: ${memo.reason}</p>` : ''}${memo.invoice_id ? html`<p><a href="/invoices/${memo.invoice_id}">← Invoice</a></p>` : ''}`;
  }
  const admin = `${deps.adminPath}/${entityType === 'invoice' ? 'invoices' : 'creditmemos'}/${id}`;
  const blocks = await Promise.all(
    deps.providers.map(async (p) => renderDetailBlock(await deps.admin.documentStatus(entityType, id, p.key), p, { manageHref: admin })),
  );
  const body = html`<p><a href="/">← Back to the shop</a></p>${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<section><p>Order <span class="nowrap">${order.number}</span> · ${order.email} · ${utc(doc.created_at)}</p>${items}</section>
${blocks}`;
  return shopPage(`${entityType === 'invoice' ? 'Invoice' : 'Credit memo'} ${doc.number}`, body, deps.adminPath);
}
