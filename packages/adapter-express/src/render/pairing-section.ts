import type { ConnectionStatusView, Provider } from '@byte8/core';
import type { Flash } from '../admin/flash-store.js';
import { formatUtc } from './format.js';
import { html, type SafeHtml } from './html.js';
import { csrfField } from './layout.js';
import type { PageContext } from './page-context.js';

/**
 * "Pair with the ledger" (wire-contract §10.3 group `pairing`): the host's
 * base URL to paste into the ledger, the pairing code in its three modes, and
 * the open-ledger link.
 */
export function renderPairingSection(
  ctx: PageContext,
  provider: Provider,
  status: ConnectionStatusView,
  publicBaseUrl: string,
  justGenerated: Flash['pairingCode'] | null,
): SafeHtml {
  // Once paired, pairing again moves the store to a new tenant: say so, and keep the heading out of the way.
  const heading = status.connected ? 'Pair again' : 'Pair with the ledger';
  const intro = status.connected
    ? `This store is paired (tenant ${status.tenantId ?? '—'}). Pair again only to move it to another ledger tenant: generate a new code and enter it at the ledger.`
    : 'Generate a pairing code, then open the ledger and paste the code and this store’s base URL.';
  const id = provider.key;
  const ttl = status.pairingCode.ttlMinutes;
  let code: SafeHtml;
  if (justGenerated) {
    code = html`<div class="byte8-row"><label for="${id}-pairing-code">Pairing code</label>
<input id="${id}-pairing-code" type="text" readonly value="${justGenerated.code}" aria-describedby="${id}-pairing-warning">
<button type="button" data-copy="${id}-pairing-code">Copy</button></div>
<p id="${id}-pairing-warning" class="byte8-warning" role="status">This code is shown only once and expires in ${ttl} minutes (at ${formatUtc(justGenerated.expiresAt)}). Copy it now.</p>`;
  } else if (status.pairingCode.pending) {
    const age = status.pairingCode.ageMinutes ?? 0;
    code = html`<p class="byte8-note">A pairing code was generated ${age} minute${age === 1 ? '' : 's'} ago; codes are valid for ${ttl} minutes and shown only once. Regenerate if you did not copy it.</p>`;
  } else {
    code = html`<p class="byte8-note">No pairing code is pending.</p>`;
  }
  const pending = status.pairingCode.pending;
  const button = pending
    ? html`<button type="submit">Regenerate pairing code</button>`
    : html`<button type="submit" class="byte8-primary">Generate pairing code</button>`;
  const confirm = pending ? html` data-confirm="A pairing code is pending. Regenerating makes it invalid at once. Continue?"` : '';
  const ledger = status.ledgerBaseUrl.replace(/\/+$/, '');
  return html`<h3 id="${id}-pairing-heading">${heading}</h3>
<p class="byte8-note">${intro} A code is single use and expires after ${ttl} minutes.</p>
<div class="byte8-row"><label for="${id}-base-url">Store base URL</label>
<input id="${id}-base-url" type="text" readonly value="${publicBaseUrl}">
<button type="button" data-copy="${id}-base-url">Copy</button></div>
${code}
<form method="post" action="${ctx.base}/providers/${id}/pairing-code"${confirm} class="byte8-row">${csrfField(ctx)}${button}</form>
<div class="byte8-row"><a class="byte8-button" href="${ledger}/dashboard" target="_blank" rel="noopener noreferrer">Open ledger →</a>
<span class="byte8-note">(opens ${ledger}/dashboard in a new tab)</span></div>`;
}
