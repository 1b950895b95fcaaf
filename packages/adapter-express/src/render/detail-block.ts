import type { DocumentStatusView, Provider } from '@byte8/core';
import { renderChip } from './chip.js';
import { formatUtc } from './format.js';
import { html, type SafeHtml } from './html.js';

/**
 * The per-document block of wire-contract §10.2: status chip, then only the
 * non-empty fields. Exported so a host can show it on its own document page.
 */
export function renderDetailBlock(view: DocumentStatusView, provider: Provider): SafeHtml {
  const r = view.record;
  const row = (label: string, value: string | null | undefined, mono = false) =>
    value ? html`<dt>${label}</dt><dd${mono ? html` class="byte8-mono"` : ''}>${value}</dd>` : '';
  return html`<section class="byte8-card byte8-detail" aria-labelledby="${provider.key}-detail-${view.entityType}-${view.entityId}">
<h2 id="${provider.key}-detail-${view.entityType}-${view.entityId}">${provider.labels.name}</h2>
<dl><dt>Status</dt><dd>${renderChip(view)}</dd>
${row('Reference', r?.providerReference)}
${row('Entity ID', r?.providerEntityId, true)}
${row('Skip reason', r?.skipReason)}
${row('Error code', r?.errorCode)}
${r ? row('Last sync', formatUtc(r.lastSyncAt)) : ''}</dl>
</section>`;
}
