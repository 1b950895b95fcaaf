import type { ConnectionStatusView, DeadLetterBannerView, HeldRowsView, Provider } from '@byte8/core';
import { formatUtc } from './format.js';
import { html, type SafeHtml } from './html.js';
import { csrfField } from './layout.js';
import type { PageContext } from './page-context.js';

const SHOWN_ROWS = 10;

/** "⚠ N event(s) need attention" with the rows and requeue actions (§10.3). */
export function renderDeadLetterBanner(ctx: PageContext, provider: Provider, banner: DeadLetterBannerView): SafeHtml {
  if (banner.count <= 0) return html``;
  const action = `${ctx.base}/providers/${provider.key}/requeue`;
  const rows = banner.rows.slice(0, SHOWN_ROWS).map(
    (row) => html`<tr><td class="byte8-mono">${row.id}</td><td>${row.eventName}</td><td class="byte8-mono">${row.idempotencyKey}</td>
<td>${formatUtc(row.lastAttemptAt)}</td><td>${row.lastStatusCode ?? '(transient)'}</td><td>${(row.lastError ?? '').replace(/\s+/g, ' ').slice(0, 120)}</td>
<td><form method="post" action="${action}">${csrfField(ctx)}<input type="hidden" name="id" value="${row.id}"><button type="submit" aria-label="Requeue event ${row.id}">Requeue</button></form></td></tr>`,
  );
  return html`<div class="byte8-banner" role="alert" id="${provider.key}-dead-letters">
<p><strong>⚠ ${banner.count} event${banner.count === 1 ? '' : 's'} need${banner.count === 1 ? 's' : ''} attention.</strong>
The ledger rejected ${banner.count === 1 ? 'it' : 'them'} (a 4xx answer is not retried automatically). Fix the cause, then requeue.</p>
<table class="byte8-table"><caption>Dead-lettered events${banner.count > SHOWN_ROWS ? ` (first ${SHOWN_ROWS} of ${banner.count})` : ''}</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Event</th><th scope="col">Idempotency key</th><th scope="col">Last attempt</th><th scope="col">HTTP</th><th scope="col">Error</th><th scope="col"><span class="byte8-skip">Action</span></th></tr></thead>
<tbody>${rows}</tbody></table>
<form method="post" action="${action}" class="byte8-row">${csrfField(ctx)}<input type="hidden" name="all" value="1"><button type="submit" class="byte8-primary">Requeue all ${banner.count}</button></form>
</div>`;
}

/**
 * Events queued for a previous tenant before a re-pair: never sent to the
 * current tenant on their own, so the operator decides where they go.
 */
export function renderHeldBanner(ctx: PageContext, provider: Provider, held: HeldRowsView): SafeHtml {
  if (held.count <= 0 || !held.currentTenantId) return html``;
  const action = `${ctx.base}/providers/${provider.key}/held`;
  const many = held.count !== 1;
  return html`<div class="byte8-banner" role="alert" id="${provider.key}-held">
<p><strong>⏸ ${held.count} event${many ? 's were' : ' was'} queued for a previous ledger tenant</strong>
(<span class="byte8-mono">${held.tenants.join(', ') || 'none'}</span>) and ${many ? 'are' : 'is'} held: ${many ? 'they are' : 'it is'} not sent to the current tenant
<span class="byte8-mono">${held.currentTenantId}</span> unless you say so.</p>
<form method="post" action="${action}" class="byte8-row">${csrfField(ctx)}<input type="hidden" name="action" value="readdress">
<button type="submit" class="byte8-primary">Send ${many ? 'them' : 'it'} to the current tenant</button></form>
<form method="post" action="${action}" class="byte8-row" data-confirm="Drop ${held.count} held event${many ? 's' : ''}? ${many ? 'They are' : 'It is'} deleted and never sent.">${csrfField(ctx)}
<input type="hidden" name="action" value="drop"><button type="submit" class="byte8-danger">Drop ${many ? 'them' : 'it'}</button></form>
</div>`;
}

/** Group "Connection" (§10.3): status dot, banner, tenant id, disconnect. */
export function renderConnectionSection(
  ctx: PageContext,
  provider: Provider,
  status: ConnectionStatusView,
  banner: DeadLetterBannerView,
  held: HeldRowsView,
): SafeHtml {
  const id = provider.key;
  return html`<h3>Connection</h3>
<div class="byte8-row" id="${id}-status" data-state="${status.state}"><span class="byte8-row-label"><strong>Connection status</strong></span>
<span><span class="byte8-dot" style="background:${status.colour}" aria-hidden="true"></span><span style="color:${status.colour};font-weight:600">${status.label}</span></span>
${status.detail ? html`<span class="byte8-note">${status.detail}</span>` : ''}</div>
${renderDeadLetterBanner(ctx, provider, banner)}
${renderHeldBanner(ctx, provider, held)}
<div class="byte8-row"><strong>Tenant ID</strong> <span class="byte8-mono" id="${id}-tenant">${status.tenantId ?? '—'}</span></div>
<form method="post" action="${ctx.base}/providers/${id}/disconnect" class="byte8-row"
 data-confirm="Disconnect ${provider.labels.name}? The ledger stops receiving events until you pair again.">${csrfField(ctx)}
<button type="submit" class="byte8-danger"${status.connected ? '' : html` disabled aria-disabled="true"`}>Disconnect</button>
${status.connected ? '' : html`<span class="byte8-note">Not connected.</span>`}</form>`;
}
