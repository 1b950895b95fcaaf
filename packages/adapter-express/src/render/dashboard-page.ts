import type { ConnectionStatusView, DashboardTileView, Provider } from '@byte8/core';
import { renderDashboardTile } from './dashboard-tile.js';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

/** What the dashboard shows of one provider: its health tile, or (without one) its connection status. */
export type DashboardEntry =
  | { readonly provider: Provider; readonly tile: DashboardTileView }
  | { readonly provider: Provider; readonly status: ConnectionStatusView };

/**
 * The connector's own dashboard: the health tile of each provider that has
 * one (§10.4; Byte8 gives one to Sage only), and a connection line for the others.
 */
export function renderDashboardPage(ctx: PageContext, entries: readonly DashboardEntry[]): string {
  const tiles = entries.flatMap((entry) =>
    'tile' in entry
      ? [renderDashboardTile(entry.tile, entry.provider, { config: `${ctx.base}/config#${entry.provider.key}`, sync: `${ctx.base}/sync/${entry.provider.key}` })]
      : [],
  );
  const others = entries.flatMap((entry) =>
    'status' in entry
      ? [
          html`<li id="${entry.provider.key}-connection" data-state="${entry.status.state}"><a href="${ctx.base}/config#${entry.provider.key}">${entry.provider.labels.name}</a>:
<span style="color:${entry.status.colour};font-weight:600">${entry.status.label}</span></li>`,
        ]
      : [],
  );
  const list = others.length > 0 ? html`<section class="byte8-card" aria-label="Other providers"><h2>Connections</h2><ul>${others}</ul></section>` : '';
  return renderLayout(ctx, { title: 'Dashboard', current: 'dashboard', body: html`${tiles}${list}` });
}
