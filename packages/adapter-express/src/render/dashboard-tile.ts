import type { DashboardTileView, Provider } from '@byte8/core';
import { html, type SafeHtml } from './html.js';

/**
 * The dashboard health tile (wire-contract §10.4); the whole tile is a link.
 * Exported so a host can put it on its own dashboard.
 */
export function renderDashboardTile(view: DashboardTileView, provider: Provider, links: { config: string; sync: string }): SafeHtml {
  const href = view.link === 'config' ? links.config : links.sync;
  return html`<a class="byte8-card byte8-tile byte8-tile--${view.state}" href="${href}" data-state="${view.state}" id="${provider.key}-tile">
<section aria-label="Byte8 ${provider.labels.name} sync">
<h2>Byte8 ${provider.labels.name} Sync</h2>
<p><strong>${view.headline}</strong></p>
<dl><dt>Last sync</dt><dd>${view.lastSync}</dd><dt>Pending</dt><dd>${view.pending}</dd>
<dt>Errors 24h</dt><dd${view.errorsHighlighted ? html` class="byte8-errors-high"` : ''}>${view.errors24h}</dd></dl>
</section></a>`;
}
