import type { ConnectionStatusView, DashboardFiguresView, DashboardTileView, DirectConnectionView, Provider } from '@byte8/core';
import { renderDashboardTile } from './dashboard-tile.js';
import { renderFiguresCard } from './figures-card.js';
import { type SafeHtml, html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

/**
 * What the dashboard shows of one provider: its direct connection (direct
 * mode has no ledger, so no ledger tile), else its health tile, or (without
 * one) its ledger connection status; and the day's figures.
 */
export type DashboardEntry = { readonly provider: Provider; readonly figures: DashboardFiguresView } & (
  | { readonly direct: DirectConnectionView }
  | { readonly tile: DashboardTileView }
  | { readonly status: ConnectionStatusView }
);

function renderConnectionLine(ctx: PageContext, provider: Provider, view: { state: string; colour: string; label: string }, mode: 'direct' | 'ledger', note: string | null): SafeHtml {
  return html`<section class="byte8-card" id="${provider.key}-connection" data-state="${view.state}" data-mode="${mode}"><h2>${provider.labels.name}</h2>
<p><a href="${ctx.base}/config#${provider.key}">Connection</a>: <span style="color:${view.colour};font-weight:600">${view.label}</span></p>${note ? html`<p class="byte8-note">${note}</p>` : ''}</section>`;
}

/**
 * The connector's own dashboard: per provider, the health tile where it has
 * one (§10.4; Byte8 gives one to Sage only) or a connection line, and the
 * figures a bookkeeper reads.
 */
export function renderDashboardPage(ctx: PageContext, entries: readonly DashboardEntry[]): string {
  const body = html`${entries.map((entry) => {
    const { provider } = entry;
    const head =
      'direct' in entry
        ? renderConnectionLine(ctx, provider, entry.direct, 'direct', entry.direct.reason)
        : 'tile' in entry
          ? renderDashboardTile(entry.tile, provider, { config: `${ctx.base}/config#${provider.key}`, sync: `${ctx.base}/sync/${provider.key}` })
          : renderConnectionLine(ctx, provider, entry.status, 'ledger', null);
    return html`${head}
${renderFiguresCard(entry.figures, provider, {
  failed: `${ctx.base}/invoices?${new URLSearchParams({ ...(provider.key === ctx.providers[0]?.key ? {} : { provider: provider.key }), status: 'failed' })}`,
  config: `${ctx.base}/config#${provider.key}-dead-letters`,
})}`;
  })}`;
  return renderLayout(ctx, { title: 'Dashboard', current: 'dashboard', body });
}
