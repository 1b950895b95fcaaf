import { html, renderDetailBlock } from '@byte8/adapter-express';
import type { AdminApi, Provider } from '@byte8/core';
import type { ShopDb } from '../db/shop-tables.js';
import { invoiceTotal } from '../domain/sales.js';
import { shopPage } from './shop-layout.js';

/** An invoice or credit memo of the shop, with the connector's detail block (§10.2). */
export async function renderDocumentPage(
  deps: { db: ShopDb; admin: AdminApi; providers: readonly Provider[]; adminPath: string },
  entityType: 'invoice' | 'creditmemo',
  id: number,
): Promise<string | null> {
  const table = entityType === 'invoice' ? 'shop_invoices' : 'shop_credit_memos';
  const doc = await deps.db.selectFrom(table).select(['id', 'number', 'order_id', 'created_at']).where('id', '=', id).executeTakeFirst();
  if (!doc) return null;
  const order = await deps.db.selectFrom('shop_orders').selectAll().where('id', '=', doc.order_id).executeTakeFirstOrThrow();
  const lines = await deps.db.selectFrom('shop_order_lines').selectAll().where('order_id', '=', order.id).orderBy('id').execute();
  const totals = await invoiceTotal(deps.db, order.id);
  const blocks = await Promise.all(deps.providers.map(async (p) => renderDetailBlock(await deps.admin.documentStatus(entityType, id, p.key), p)));
  const body = html`<p><a href="/">← Back to the shop</a></p>
<section><p>Order ${order.number} · ${order.email} · ${doc.created_at.toISOString().slice(0, 16).replace('T', ' ')} UTC</p>
<table><thead><tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Qty</th><th scope="col">Unit price</th></tr></thead>
<tbody>${lines.map((l) => html`<tr><td>${l.sku}</td><td>${l.name}</td><td>${l.qty}</td><td class="num">${l.unit_price.toFixed(2)}</td></tr>`)}</tbody></table>
<p>Subtotal ${totals.subtotal.toFixed(2)} · Tax ${totals.taxAmount.toFixed(2)} · Shipping ${totals.shippingAmount.toFixed(2)} ·
<strong>Grand total ${totals.grandTotal.toFixed(2)} ${order.currency.trim()}</strong></p></section>
${blocks}`;
  return shopPage(`${entityType === 'invoice' ? 'Invoice' : 'Credit memo'} ${doc.number}`, body, deps.adminPath);
}
