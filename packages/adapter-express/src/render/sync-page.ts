import type { Provider } from '@byte8/core';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';

/**
 * The embedded ledger sync page (wire-contract §10.5); no token in the URL:
 * the ledger authenticates the frame with its own session.
 */
export function renderSyncPage(ctx: PageContext, provider: Provider, ledgerBaseUrl: string, tenantId: string): string {
  const ledger = ledgerBaseUrl.replace(/\/+$/, '');
  const src = `${ledger}/embed/${encodeURIComponent(tenantId)}`;
  const body = html`<p class="byte8-note">The ledger’s own view of tenant <span class="byte8-mono">${tenantId}</span>: its sync runs and the status of each event.
If the frame stays empty or shows an error, this ledger offers no embedded view:
<a href="${ledger}/dashboard" target="_blank" rel="noopener noreferrer">open its dashboard</a> instead.</p>
<iframe src="${src}" title="Byte8 ${provider.labels.name} Sync" referrerpolicy="no-referrer"
 style="width:100%;min-height:calc(100vh - 260px);border:1px solid #d6d6d6;background:#fff"></iframe>`;
  return renderLayout(ctx, { title: `${provider.labels.name} sync`, current: null, body });
}
