import type { DocumentStatusView, EventStatusView, Provider } from '@byte8/core';
import { CSRF_FIELD } from '../admin/csrf.js';
import { renderChip } from './chip.js';
import { formatUtc } from './format.js';
import { html, type SafeHtml } from './html.js';

export interface DetailBlockOptions {
  /** The document's events (`admin.eventStatuses`), listed under the status. */
  readonly events?: readonly EventStatusView[];
  /** A "Sync again" form: where it posts, the admin's CSRF token, and the page to come back to. */
  readonly resync?: { readonly action: string; readonly csrfToken: string; readonly back: string };
  /** On a page that cannot post to the admin (a host's own page): where "Sync again" is. */
  readonly manageHref?: string;
}

/** Statuses a merchant may want to send again: a problem, or never sent. */
export function canResync(status: DocumentStatusView['status']): boolean {
  return status === 'failed' || status === 'skipped' || status === 'none';
}

/** The "Sync again" form of a document (the list and the detail block share it). */
export function renderResyncForm(view: DocumentStatusView, provider: Provider, resync: NonNullable<DetailBlockOptions['resync']>): SafeHtml {
  return html`<form method="post" action="${resync.action}" class="byte8-inline">
<input type="hidden" name="${CSRF_FIELD}" value="${resync.csrfToken}"><input type="hidden" name="provider" value="${provider.key}">
<input type="hidden" name="back" value="${resync.back}"><button type="submit" aria-label="Sync ${view.entityType} ${view.entityId} again with ${provider.labels.name}">Sync again</button></form>`;
}

function renderEvents(events: readonly EventStatusView[]): SafeHtml | '' {
  if (events.length === 0) return '';
  return html`<dt>Events</dt><dd><ul class="byte8-events">${events.map(
    (event) => html`<li data-event="${event.eventName}"><span class="byte8-mono">${event.eventName}</span> ${renderChip({ status: event.status, chip: event.chip })}
${event.detail}${event.lastAttemptAt ? html` <span class="byte8-note">(${formatUtc(event.lastAttemptAt)})</span>` : ''}</li>`,
  )}</ul></dd>`;
}

/**
 * The per-document block of wire-contract §10.2: status chip, then only the
 * non-empty fields; for a skipped or failed document the reason in words
 * and "Sync again". A pending document shows when it was queued, not a
 * "Last sync" it never had. Exported so a host can show it on its own
 * document page (with `manageHref` pointing at the admin's page).
 */
export function renderDetailBlock(view: DocumentStatusView, provider: Provider, options: DetailBlockOptions = {}): SafeHtml {
  const r = view.record;
  const id = `${provider.key}-detail-${view.entityType}-${view.entityId}`;
  const row = (label: string, value: string | SafeHtml | null | undefined, attributes: SafeHtml | '' = '') =>
    value ? html`<dt>${label}</dt><dd${attributes}>${value}</dd>` : '';
  const when = r ? (view.status === 'pending' ? row('Queued', formatUtc(r.lastSyncAt)) : row('Last sync', formatUtc(r.lastSyncAt))) : '';
  let action: SafeHtml | '' = '';
  if (canResync(view.status) && options.resync) action = html`<p class="byte8-row">${renderResyncForm(view, provider, options.resync)}</p>`;
  else if ((view.status === 'failed' || view.status === 'skipped') && options.manageHref) {
    action = html`<p class="byte8-row"><a href="${options.manageHref}">Sync again in the connector admin →</a></p>`;
  }
  return html`<section class="byte8-card byte8-detail" aria-labelledby="${id}" data-provider="${provider.key}">
<h2 id="${id}">${provider.labels.name}</h2>
<dl><dt>Status</dt><dd>${renderChip(view)}</dd>
${row('Reason', view.reason, html` class="byte8-reason"`)}
${row('Reference', r?.providerReference)}
${row('Entity ID', r?.providerEntityId, html` class="byte8-mono"`)}
${row('Skip reason', r?.skipReason, html` class="byte8-mono"`)}
${row('Error code', r?.errorCode, html` class="byte8-mono"`)}
${when}
${renderEvents(options.events ?? [])}</dl>
${action}
</section>`;
}
