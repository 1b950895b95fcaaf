import type { ConnectionStatusView, DeadLetterBannerView, DirectConnectionView, HeldRowsView, Provider } from '@byte8/core';
import type { Flash } from '../admin/flash-store.js';
import { renderConnectionSection, renderDeadLetterBanner } from './connection-section.js';
import { type BusinessChoice, renderDirectSection } from './direct-section.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import type { PageContext } from './page-context.js';
import { renderPairingSection } from './pairing-section.js';

/** A provider paired with the ledger (wire-contract §10.3). */
export interface LedgerProviderConfigView {
  readonly mode?: 'ledger';
  readonly provider: Provider;
  readonly status: ConnectionStatusView;
  readonly deadLetters: DeadLetterBannerView;
  readonly held: HeldRowsView;
}

/** A provider in direct mode: its OAuth connection instead of pairing. */
export interface DirectProviderConfigView {
  readonly mode: 'direct';
  readonly provider: Provider;
  readonly direct: DirectConnectionView;
  /** Read only while a business is to be chosen. */
  readonly businesses: BusinessChoice | null;
  readonly deadLetters: DeadLetterBannerView;
}

export type ProviderConfigView = LedgerProviderConfigView | DirectProviderConfigView;

/**
 * The configuration page: one section per installed provider (§10.3). A
 * ledger provider not yet paired shows pairing first; a paired one shows its
 * connection first, with pairing again folded under it. A provider in direct
 * mode shows its OAuth connection instead.
 */
export function renderConfigPage(ctx: PageContext, views: readonly ProviderConfigView[], publicBaseUrl: string, flash: Flash | null): string {
  const sections = views.map((view) => {
    const { provider } = view;
    let body: SafeHtml;
    if (view.mode === 'direct') {
      body = html`${renderDirectSection(ctx, provider, view.direct, view.businesses)}
${renderDeadLetterBanner(ctx, provider, view.deadLetters)}`;
    } else {
      const code = flash?.pairingCode?.provider === provider.key ? flash.pairingCode : null;
      const pairing = renderPairingSection(ctx, provider, view.status, publicBaseUrl, code);
      const connection = renderConnectionSection(ctx, provider, view.status, view.deadLetters, view.held);
      // Paired: the connection leads and pairing again folds away under it (open while a fresh code is shown).
      body = view.status.connected
        ? html`${connection}<details class="byte8-repair" id="${provider.key}-repair"${code ? html` open` : ''}><summary>Pair again…</summary>${pairing}</details>`
        : html`${pairing}${connection}`;
    }
    return html`<section class="byte8-card" aria-labelledby="${provider.key}-heading" id="${provider.key}">
<h2 id="${provider.key}-heading">${provider.labels.name}</h2>
${body}
</section>`;
  });
  return renderLayout(ctx, { title: 'Configuration', current: 'config', body: html`${sections}`, flash });
}
