import type { DocumentStatusView, EventStatusView, Provider } from '@byte8/core';
import type { Flash } from '../admin/flash-store.js';
import type { DocumentEntityType, HostDocument } from '../documents/host-documents.js';
import { renderDetailBlock } from './detail-block.js';
import { documentPath } from './document-list-page.js';
import { formatMoney, formatUtc } from './format.js';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

export interface ProviderDocumentView {
  readonly provider: Provider;
  readonly view: DocumentStatusView;
  readonly events: readonly EventStatusView[];
}

/** One document with a detail block per provider (§10.2), each with its events and "Sync again". */
export function renderDocumentPage(
  ctx: PageContext,
  entityType: DocumentEntityType,
  id: number,
  document: HostDocument | null,
  views: readonly ProviderDocumentView[],
  flash: Flash | null = null,
): string {
  const kind = entityType === 'invoice' ? 'Invoice' : 'Credit memo';
  const path = `${ctx.base}${documentPath(entityType)}/${id}`;
  const summary = document
    ? html`<dl class="byte8-card byte8-detail"><dt>Number</dt><dd>${document.href ? html`<a href="${document.href}">${document.number}</a>` : document.number}</dd>
<dt>Date</dt><dd>${formatUtc(document.date)}</dd><dt>Total</dt><dd>${formatMoney(document.total, document.currency)}</dd><dt>Id</dt><dd class="byte8-mono">${id}</dd></dl>`
    : '';
  const blocks = views.map(({ provider, view, events }) =>
    renderDetailBlock(view, provider, { events, resync: { action: `${path}/resync`, csrfToken: ctx.csrfToken, back: path } }),
  );
  const body = html`<p><a href="${ctx.base}${documentPath(entityType)}">← All ${kind.toLowerCase()}s</a></p>${summary}
${blocks}`;
  return renderLayout(ctx, { title: `${kind} ${document ? document.number : `#${id}`}`, current: entityType === 'invoice' ? 'invoices' : 'creditmemos', body, flash });
}
