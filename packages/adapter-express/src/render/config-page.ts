import type { ConnectionStatusView, DeadLetterBannerView, Provider } from '@byte8/core';
import type { Flash } from '../admin/flash-store.js';
import { renderConnectionSection } from './connection-section.js';
import { html } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';
import { renderPairingSection } from './pairing-section.js';

export interface ProviderConfigView {
  readonly provider: Provider;
  readonly status: ConnectionStatusView;
  readonly deadLetters: DeadLetterBannerView;
}

/**
 * The configuration page: one section per installed provider (§10.3). A
 * provider not yet paired shows pairing first; a paired one shows its
 * connection first, with pairing again folded under it.
 */
export function renderConfigPage(ctx: PageContext, views: readonly ProviderConfigView[], publicBaseUrl: string, flash: Flash | null): string {
  const sections = views.map(({ provider, status, deadLetters }) => {
    const code = flash?.pairingCode?.provider === provider.key ? flash.pairingCode : null;
    const pairing = renderPairingSection(ctx, provider, status, publicBaseUrl, code);
    const connection = renderConnectionSection(ctx, provider, status, deadLetters);
    // Paired: the connection leads and pairing again folds away under it (open while a fresh code is shown).
    const content = status.connected
      ? html`${connection}<details class="byte8-repair" id="${provider.key}-repair"${code ? html` open` : ''}><summary>Pair again…</summary>${pairing}</details>`
      : html`${pairing}${connection}`;
    return html`<section class="byte8-card" aria-labelledby="${provider.key}-heading" id="${provider.key}">
<h2 id="${provider.key}-heading">${provider.labels.name}</h2>
${content}
</section>`;
  });
  return renderLayout(ctx, { title: 'Configuration', current: 'config', body: html`${sections}`, flash });
}
