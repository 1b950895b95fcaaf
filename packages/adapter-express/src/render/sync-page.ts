import type { Provider } from '@byte8/core';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

/** The embedded ledger sync page (wire-contract §10.5); no token in the URL. */
export function renderSyncPage(ctx: PageContext, provider: Provider, ledgerBaseUrl: string, tenantId: string): string {
  const src = `${ledgerBaseUrl.replace(/\/+$/, '')}/embed/${encodeURIComponent(tenantId)}`;
  const body = html`<iframe src="${src}" title="Byte8 ${provider.labels.name} Sync" referrerpolicy="no-referrer"
 style="width:100%;min-height:calc(100vh - 220px);border:1px solid #d6d6d6;background:#fff"></iframe>`;
  return renderLayout(ctx, { title: `${provider.labels.name} sync`, current: null, body });
}
