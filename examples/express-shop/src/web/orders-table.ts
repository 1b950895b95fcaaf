import { html, renderChip, type SafeHtml } from '@byte8/adapter-express';
import type { DocumentStatusView } from '@byte8/core';
import { sql } from 'kysely';
import { ORDER_TOTAL } from '../db/document-totals.js';
import { money } from './format-money.js';
import type { HomePageDeps } from './home-page.js';

interface OrderRow {
  id: number;
  number: string;
  email: string;
  currency: string;
  total: string;
  invoice_id: number | null;
  invoice_number: string | null;
  invoice_state: string | null;
}

/** Each provider's chip of each listed invoice and credit memo, by `type:id`. */
async function chips(deps: HomePageDeps, invoiceIds: number[], memoIds: number[]): Promise<Map<string, Map<string, DocumentStatusView>>> {
  const byProvider = new Map<string, Map<string, DocumentStatusView>>();
  for (const provider of deps.providers) {
    const views = [
      ...(await deps.admin.documentStatuses('invoice', invoiceIds, provider.key)),
      ...(await deps.admin.documentStatuses('creditmemo', memoIds, provider.key)),
    ];
    byProvider.set(provider.key, new Map(views.map((v) => [`${v.entityType}:${v.entityId}`, v])));
  }
  return byProvider;
}

/**
 * The orders with their invoice, credit memos, each provider's chip of every
 * document, and the next step (invoice, pay, refund).
 */
export async function renderOrdersTable(deps: HomePageDeps, placedOrderId: number | null): Promise<SafeHtml> {
  const { db } = deps;
  const notice = { placedOrderId };
  const { rows: orders } = await sql<OrderRow>`select o.id, o.number, o.email, o.currency, ${ORDER_TOTAL} as total,
      i.id as invoice_id, i.number as invoice_number, i.state as invoice_state
    from shop_orders o left join shop_invoices i on i.order_id = o.id
    order by o.id desc limit 100`.execute(db);
  const invoiceIds = orders.flatMap((o) => (o.invoice_id ? [o.invoice_id] : []));
  const memos = invoiceIds.length
    ? await db.selectFrom('shop_credit_memos').select(['id', 'number', 'invoice_id']).where('invoice_id', 'in', invoiceIds).orderBy('id').execute()
    : [];
  const statuses = await chips(deps, invoiceIds, memos.map((m) => m.id));

  const orderRows = orders.map((o) => {
    const mine = memos.filter((m) => m.invoice_id === o.invoice_id);
    let actions = html``;
    if (!o.invoice_id) actions = html`<form class="inline" method="post" action="/orders/${o.id}/invoice"><button type="submit">Invoice ${o.number}</button></form>`;
    else if (o.invoice_state === 'open') actions = html`<form class="inline" method="post" action="/invoices/${o.invoice_id}/pay"><button type="submit">Pay ${o.invoice_number}</button></form>`;
    else if (o.invoice_state === 'paid') actions = html`<a href="/invoices/${o.invoice_id}#refund">Refund ${o.invoice_number}…</a>`;
    const sync = deps.providers.map((p) => {
      const docs = [
        ...(o.invoice_id ? [{ key: `invoice:${o.invoice_id}`, label: o.invoice_number! }] : []),
        ...mine.map((m) => ({ key: `creditmemo:${m.id}`, label: m.number })),
      ];
      const cells = docs.map((d) => {
        const view = statuses.get(p.key)?.get(d.key);
        return view ? html`<span class="nowrap">${d.label} ${renderChip(view)}</span>` : '';
      });
      return html`<td data-provider="${p.key}">${cells.length ? cells : '—'}</td>`;
    });
    return html`<tr id="order-${o.id}"${notice.placedOrderId === o.id ? html` class="just-placed"` : ''}><td class="nowrap">${o.number}</td><td>${o.email}</td><td class="num nowrap">${money(o.total, o.currency)}</td>
<td class="nowrap">${o.invoice_id ? html`<a href="/invoices/${o.invoice_id}">${o.invoice_number}</a> (${o.invoice_state})` : '—'}</td>
<td>${mine.length ? mine.map((m, i) => html`${i > 0 ? ', ' : ''}<a class="nowrap" href="/creditmemos/${m.id}">${m.number}</a>`) : '—'}</td>${sync}<td class="nowrap">${actions}</td></tr>`;
  });

  return html`<section aria-labelledby="orders"><h2 id="orders">Orders</h2><table><thead><tr><th scope="col">Order</th><th scope="col">Customer</th><th scope="col">Total</th><th scope="col">Invoice</th><th scope="col">Credit memos</th>
${deps.providers.map((p) => html`<th scope="col">${p.labels.statusColumn}</th>`)}<th scope="col">Action</th></tr></thead>
<tbody>${orderRows}</tbody></table></section>`;
}
