import type { DashboardFiguresView, DashboardTileView, Provider } from '@byte8/core';
import { renderDashboardTile } from './dashboard-tile.js';
import { renderFiguresCard } from './figures-card.js';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

export interface DashboardEntry {
  readonly provider: Provider;
  readonly tile: DashboardTileView;
  readonly figures: DashboardFiguresView;
}

/** The connector's own dashboard: per provider, the health tile (§10.4) and the day's figures. */
export function renderDashboardPage(ctx: PageContext, entries: readonly DashboardEntry[]): string {
  const body = html`${entries.map(
    ({ provider, tile, figures }) => html`${renderDashboardTile(tile, provider, { config: `${ctx.base}/config#${provider.key}`, sync: `${ctx.base}/sync/${provider.key}` })}
${renderFiguresCard(figures, provider, {
  failed: `${ctx.base}/invoices?${new URLSearchParams({ ...(provider.key === ctx.providers[0]?.key ? {} : { provider: provider.key }), status: 'failed' })}`,
  config: `${ctx.base}/config#${provider.key}-dead-letters`,
})}`,
  )}`;
  return renderLayout(ctx, { title: 'Dashboard', current: 'dashboard', body });
}
