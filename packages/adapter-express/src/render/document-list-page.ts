import type { Provider } from '@byte8/core';
import { SYNC_STATUSES } from '@byte8/core';
import { type DocumentListParams, type ListSort, listHref } from '../admin/document-list-query.js';
import type { DocumentList } from '../admin/load-document-list.js';
import type { DocumentEntityType } from '../documents/host-documents.js';
import { renderChip } from './chip.js';
import { formatMoney, formatUtc } from './format.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

const TITLES: Record<DocumentEntityType, string> = { invoice: 'Invoices', creditmemo: 'Credit memos' };
const PATHS: Record<DocumentEntityType, string> = { invoice: '/invoices', creditmemo: '/creditmemos' };
const STATUS_WORDS: Record<string, string> = { synced: 'Synced', pending: 'Pending', skipped: 'Skipped', failed: 'Failed' };
const SORT_WORDS: Record<ListSort, string> = {
  date_desc: 'Newest first', date_asc: 'Oldest first', number_desc: 'Number (Z–A)', number_asc: 'Number (A–Z)',
  total_desc: 'Total (high–low)', total_asc: 'Total (low–high)', sync_desc: 'Last sync (newest)', sync_asc: 'Last sync (oldest)',
};

export function documentPath(entityType: DocumentEntityType): string {
  return PATHS[entityType];
}

/** Header cell that sorts by `field`, toggling direction, with `aria-sort`. */
function sortHeader(ctx: PageContext, path: string, params: DocumentListParams, field: 'date' | 'number' | 'total' | 'sync', label: string): SafeHtml {
  const active = params.sort.startsWith(`${field}_`);
  const desc = params.sort.endsWith('_desc');
  const next = (active && desc ? `${field}_asc` : `${field}_desc`) as ListSort;
  const aria = active ? (desc ? 'descending' : 'ascending') : 'none';
  const href = listHref(`${ctx.base}${path}`, params, { sort: next, page: 1 }, ctx.providers[0]!.key);
  return html`<th scope="col" aria-sort="${aria}"><a href="${href}">${label}${active ? (desc ? ' ▼' : ' ▲') : ''}</a></th>`;
}

/** Invoice or credit-memo list with one status chip column per provider (§10.1). */
export function renderDocumentListPage(
  ctx: PageContext,
  entityType: DocumentEntityType,
  params: DocumentListParams,
  list: DocumentList,
  pageSize: number,
): string {
  const path = PATHS[entityType];
  const title = TITLES[entityType];
  const pages = Math.max(1, Math.ceil(list.total / pageSize));
  const defaultProvider = ctx.providers[0]!.key;
  const providerSelect =
    ctx.providers.length > 1
      ? html`<label for="filter-provider">Provider</label><select id="filter-provider" name="provider">${ctx.providers.map(
          (p: Provider) => html`<option value="${p.key}"${p.key === params.provider ? html` selected` : ''}>${p.labels.name}</option>`,
        )}</select>`
      : '';
  const filter = html`<form method="get" action="${ctx.base}${path}" class="byte8-row" role="search" aria-label="Filter ${title.toLowerCase()}">
${providerSelect}<label for="filter-status">Status</label><select id="filter-status" name="status"><option value="">All</option>${SYNC_STATUSES.map(
    (s) => html`<option value="${s}"${s === params.status ? html` selected` : ''}>${STATUS_WORDS[s]}</option>`,
  )}</select>
<label for="filter-sort">Sort</label><select id="filter-sort" name="sort">${Object.entries(SORT_WORDS).map(
    ([value, word]) => html`<option value="${value}"${value === params.sort ? html` selected` : ''}>${word}</option>`,
  )}</select>
<button type="submit">Apply</button>${params.status ? html` <a href="${ctx.base}${path}">Clear filter</a>` : ''}</form>`;
  const header = html`<tr>${sortHeader(ctx, path, params, 'number', 'Number')}${sortHeader(ctx, path, params, 'date', 'Date')}${sortHeader(ctx, path, params, 'total', 'Total')}
${ctx.providers.map((p) => html`<th scope="col">${p.labels.statusColumn}</th>`)}${sortHeader(ctx, path, params, 'sync', 'Last sync')}</tr>`;
  const body = list.rows.map((row) => {
    const doc = row.document;
    const last = [...row.statuses.values()].map((v) => v.record?.lastSyncAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
    return html`<tr data-id="${row.id}"><td><a href="${ctx.base}${path}/${row.id}">${doc ? doc.number : `#${row.id}`}</a></td>
<td>${doc ? formatUtc(doc.date) : '—'}</td><td class="byte8-num">${doc ? formatMoney(doc.total, doc.currency) : '—'}</td>
${ctx.providers.map((p) => {
      const view = row.statuses.get(p.key);
      return html`<td data-provider="${p.key}">${view ? renderChip(view) : renderChip({ status: 'none', chip: { label: p.labels.chips.none, className: '', title: null } })}</td>`;
    })}<td>${last ? formatUtc(new Date(last)) : '—'}</td></tr>`;
  });
  const empty = list.rows.length === 0 ? html`<tr><td colspan="${4 + ctx.providers.length}">No ${title.toLowerCase()} match.</td></tr>` : '';
  const prev = params.page > 1 ? html`<a rel="prev" href="${listHref(`${ctx.base}${path}`, params, { page: params.page - 1 }, defaultProvider)}">← Previous</a>` : '';
  const next = params.page < pages ? html`<a rel="next" href="${listHref(`${ctx.base}${path}`, params, { page: params.page + 1 }, defaultProvider)}">Next →</a>` : '';
  const note = list.fromMirror ? html`<p class="byte8-note">Filtered and last-sync views list documents the connector has a status for.</p>` : '';
  const content = html`${filter}${note}
<table class="byte8-table" id="byte8-documents"><caption>${title}: page ${params.page} of ${pages} (${list.total} total)</caption>
<thead>${header}</thead><tbody>${body}${empty}</tbody></table>
<nav class="byte8-pager" aria-label="Pages">${prev}<span>Page ${params.page} of ${pages}</span>${next}</nav>`;
  return renderLayout(ctx, { title, current: entityType === 'invoice' ? 'invoices' : 'creditmemos', body: content });
}
