import type { DashboardTileView, Provider } from '@byte8/core';
import { renderDashboardTile } from './dashboard-tile.js';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

/** The connector's own dashboard: one health tile per provider (§10.4). */
export function renderDashboardPage(ctx: PageContext, tiles: ReadonlyArray<{ provider: Provider; tile: DashboardTileView }>): string {
  const body = html`${tiles.map(({ provider, tile }) =>
    renderDashboardTile(tile, provider, { config: `${ctx.base}/config#${provider.key}`, sync: `${ctx.base}/sync/${provider.key}` }),
  )}`;
  return renderLayout(ctx, { title: 'Dashboard', current: 'dashboard', body });
}
