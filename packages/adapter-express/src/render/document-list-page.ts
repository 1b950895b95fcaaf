import type { Provider } from '@byte8/core';
import { SYNC_STATUSES } from '@byte8/core';
import { type DocumentListParams, type ListSort, listHref } from '../admin/document-list-query.js';
import type { DocumentList } from '../admin/load-document-list.js';
import type { Flash } from '../admin/flash-store.js';
import type { DocumentEntityType } from '../documents/host-documents.js';
import { renderChip } from './chip.js';
import { canResync, renderResyncForm } from './detail-block.js';
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
  status_asc: 'Status (problems first)', status_desc: 'Status (synced first)',
};

export function documentPath(entityType: DocumentEntityType): string {
  return PATHS[entityType];
}

/**
 * Header cell that sorts by `field`, toggling direction, with `aria-sort`.
 * Status sorts `asc` first (problems first), the others `desc` first.
 */
function sortHeader(ctx: PageContext, path: string, params: DocumentListParams, field: 'date' | 'number' | 'total' | 'sync' | 'status', label: string): SafeHtml {
  const active = params.sort.startsWith(`${field}_`);
  const desc = params.sort.endsWith('_desc');
  const [first, second] = field === 'status' ? ['asc', 'desc'] : ['desc', 'asc'];
  const next = (active && params.sort === `${field}_${first}` ? `${field}_${second}` : `${field}_${first}`) as ListSort;
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
  flash: Flash | null = null,
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
  // The status column of the provider the list is for sorts; the others show their chips.
  const statusHeaders = ctx.providers.map((p) =>
    p.key === params.provider ? sortHeader(ctx, path, params, 'status', p.labels.statusColumn) : html`<th scope="col">${p.labels.statusColumn}</th>`,
  );
  const header = html`<tr>${sortHeader(ctx, path, params, 'number', 'Number')}${sortHeader(ctx, path, params, 'date', 'Date')}${sortHeader(ctx, path, params, 'total', 'Total')}
${statusHeaders}${sortHeader(ctx, path, params, 'sync', 'Last sync')}<th scope="col">Action</th></tr>`;
  const back = listHref(`${ctx.base}${path}`, params, {}, defaultProvider);
  const current = ctx.providers.find((p) => p.key === params.provider)!;
  const body = list.rows.map((row) => {
    const doc = row.document;
    // A pending row's timestamp is when it was queued, not a sync.
    const last = [...row.statuses.values()]
      .filter((v) => v.record && v.status !== 'pending')
      .map((v) => v.record!.lastSyncAt.getTime())
      .reduce((a, b) => Math.max(a, b), 0);
    const mine = row.statuses.get(params.provider);
    const action = mine && canResync(mine.status) ? renderResyncForm(mine, current, { action: `${ctx.base}${path}/${row.id}/resync`, csrfToken: ctx.csrfToken, back }) : '';
    return html`<tr data-id="${row.id}"><td class="byte8-nowrap"><a href="${ctx.base}${path}/${row.id}">${doc ? doc.number : `#${row.id}`}</a></td>
<td class="byte8-nowrap">${doc ? formatUtc(doc.date) : '—'}</td><td class="byte8-num">${doc ? formatMoney(doc.total, doc.currency) : '—'}</td>
${ctx.providers.map((p) => {
      const view = row.statuses.get(p.key);
      return html`<td data-provider="${p.key}">${view ? renderChip(view) : renderChip({ status: 'none', chip: { label: p.labels.chips.none, className: '', title: null } })}</td>`;
    })}<td class="byte8-nowrap">${last ? formatUtc(new Date(last)) : '—'}</td><td>${action}</td></tr>`;
  });
  const empty = list.rows.length === 0 ? html`<tr><td colspan="${5 + ctx.providers.length}">No ${title.toLowerCase()} match.</td></tr>` : '';
  const prev = params.page > 1 ? html`<a rel="prev" href="${listHref(`${ctx.base}${path}`, params, { page: params.page - 1 }, defaultProvider)}">← Previous</a>` : '';
  const next = params.page < pages ? html`<a rel="next" href="${listHref(`${ctx.base}${path}`, params, { page: params.page + 1 }, defaultProvider)}">Next →</a>` : '';
  const note = list.fromMirror ? html`<p class="byte8-note">Filtered views, and those sorted by status or last sync, list documents the connector has a status for.</p>` : '';
  const content = html`${filter}${note}
<table class="byte8-table" id="byte8-documents"><caption>${title}: page ${params.page} of ${pages} (${list.total} total)</caption>
<thead>${header}</thead><tbody>${body}${empty}</tbody></table>
<nav class="byte8-pager" aria-label="Pages">${prev}<span>Page ${params.page} of ${pages}</span>${next}</nav>`;
  return renderLayout(ctx, { title, current: entityType === 'invoice' ? 'invoices' : 'creditmemos', body: content, flash });
}
