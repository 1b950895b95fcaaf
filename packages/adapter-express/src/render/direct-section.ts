import type { DirectConnectionView, OAuthBusiness, Provider } from '@byte8/core';
import { formatUtc } from './format.js';
import { html, type SafeHtml } from './html.js';
import { csrfField } from './layout.js';
import type { PageContext } from './page-context.js';

/** The businesses to choose from, or why they could not be read. */
export interface BusinessChoice {
  readonly businesses: readonly OAuthBusiness[];
  readonly problem: string | null;
}

function connectForm(ctx: PageContext, provider: Provider, view: DirectConnectionView, label: string, primary: boolean): SafeHtml {
  return html`<form method="post" action="${ctx.base}/providers/${provider.key}/connect" class="byte8-row">${csrfField(ctx)}
<button type="submit"${primary ? html` class="byte8-primary"` : ''}>${label}</button>
<span class="byte8-note">You sign in at ${view.serviceName} and come back here.</span></form>`;
}

function businessForm(ctx: PageContext, provider: Provider, view: DirectConnectionView, choice: BusinessChoice): SafeHtml {
  if (choice.problem) return html`<p class="byte8-warning" role="status">The businesses could not be read from ${view.serviceName}: ${choice.problem} Reload the page to try again.</p>`;
  const options = choice.businesses.map(
    (business, index) => html`<div class="byte8-row"><input type="radio" name="business_id" id="${provider.key}-business-${index}" value="${business.id}"${index === 0 ? html` checked` : ''}>
<label for="${provider.key}-business-${index}">${business.name}${index === 0 ? html` <span class="byte8-note">(lead business)</span>` : ''}</label></div>`,
  );
  return html`<form method="post" action="${ctx.base}/providers/${provider.key}/business" id="${provider.key}-business-form">${csrfField(ctx)}
<fieldset><legend>Choose the ${view.serviceName} business this store posts to</legend>${options}</fieldset>
<div class="byte8-row"><button type="submit" class="byte8-primary">Use this business</button></div></form>`;
}

/**
 * "Connect to Sage" of a provider in direct mode: status, the connected
 * business, the business choice, the reconnect banner and disconnect.
 */
export function renderDirectSection(ctx: PageContext, provider: Provider, view: DirectConnectionView, choice: BusinessChoice | null): SafeHtml {
  const id = provider.key;
  const name = view.serviceName;
  const connected = view.state !== 'not_connected';
  const banner =
    view.state === 'reconnect_needed'
      ? html`<div class="byte8-banner" role="alert" id="${id}-reconnect"><p><strong>⚠ Reconnect to ${name} needed.</strong> ${view.reason ?? ''}</p>
<p>Nothing is posted to ${name} until you reconnect.</p>
${connectForm(ctx, provider, view, `Reconnect to ${name}`, true)}</div>`
      : '';
  return html`<h3>Connect to ${name}</h3>
<p class="byte8-note">Direct mode: this store posts to ${name} itself, without the Byte8 ledger.</p>
<div class="byte8-row" id="${id}-direct-status" data-state="${view.state}"><span class="byte8-row-label"><strong>Connection status</strong></span>
<span><span class="byte8-dot" style="background:${view.colour}" aria-hidden="true"></span><span style="color:${view.colour};font-weight:600">${view.label}</span></span>
${view.detail && view.state !== 'reconnect_needed' ? html`<span class="byte8-note">${view.detail}</span>` : ''}</div>
${banner}
${view.business && connected ? html`<div class="byte8-row"><strong>Business</strong> <span id="${id}-business">${view.business.name}</span> <span class="byte8-note byte8-mono">${view.business.id}</span></div>` : ''}
${view.connectedAt ? html`<div class="byte8-row"><strong>Connected</strong> <span>${formatUtc(view.connectedAt)}</span></div>` : ''}
${view.state === 'business_needed' && choice ? businessForm(ctx, provider, view, choice) : ''}
${view.state === 'not_connected' ? connectForm(ctx, provider, view, `Connect to ${name}`, true) : ''}
${connected
    ? html`<form method="post" action="${ctx.base}/providers/${id}/disconnect" class="byte8-row"
 data-confirm="Disconnect ${name}? Access is revoked at ${name} and nothing is posted until you connect again.">${csrfField(ctx)}
<button type="submit" class="byte8-danger">Disconnect</button></form>`
    : ''}
<p class="byte8-note">Redirect URI to register with the ${name} app: <span class="byte8-mono" id="${id}-redirect-uri">${view.redirectUri}</span></p>`;
}
