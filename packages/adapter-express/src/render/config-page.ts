import type { ConnectionStatusView, DeadLetterBannerView, HeldRowsView, Provider } from '@byte8/core';
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
  readonly held: HeldRowsView;
}

/** The configuration page: one section per installed provider (§10.3). */
export function renderConfigPage(ctx: PageContext, views: readonly ProviderConfigView[], publicBaseUrl: string, flash: Flash | null): string {
  const sections = views.map(({ provider, status, deadLetters, held }) => {
    const code = flash?.pairingCode?.provider === provider.key ? flash.pairingCode : null;
    return html`<section class="byte8-card" aria-labelledby="${provider.key}-heading" id="${provider.key}">
<h2 id="${provider.key}-heading">${provider.labels.name}</h2>
${renderPairingSection(ctx, provider, status, publicBaseUrl, code)}
${renderConnectionSection(ctx, provider, status, deadLetters, held)}
</section>`;
  });
  return renderLayout(ctx, { title: 'Configuration', current: 'config', body: html`${sections}`, flash });
}
