import type { DashboardFiguresView, Provider } from '@byte8/core';
import { renderActivityChart } from './activity-chart.js';
import { formatUtc } from './format.js';
import { html, type SafeHtml } from './html.js';

/**
 * What a bookkeeper reads at a glance for one provider: today's deliveries,
 * the backlog and its age, the last day's failures, the last delivery, a
 * chart of the last 24 hours and this process's worker counters.
 */
export function renderFiguresCard(view: DashboardFiguresView, provider: Provider, links: { readonly failed: string; readonly config: string }): SafeHtml {
  const id = `${provider.key}-figures`;
  const figure = (name: string, label: string, value: string | number, extra: SafeHtml | string = '') =>
    html`<div class="byte8-figure" data-figure="${name}"><dt>${label}</dt><dd><strong>${value}</strong>${extra}</dd></div>`;
  const failedNote =
    view.failed24h > 0
      ? html` <a href="${links.failed}">${view.failedAtLedger24h} still failing at the ledger</a>, <a href="${links.config}">${view.refused24h} refused on delivery</a>`
      : '';
  const worker = view.worker
    ? html`<p class="byte8-note" id="${id}-worker">This process’s worker since it started: ${view.worker.attempts} delivery attempt${view.worker.attempts === 1 ? '' : 's'}
(${view.worker.succeeded} accepted, ${view.worker.retried} to retry, ${view.worker.deadLettered} refused)${view.worker.averageLatencyMs === null ? '' : `, ${view.worker.averageLatencyMs} ms on average`}.</p>`
    : '';
  return html`<section class="byte8-card byte8-figures" aria-labelledby="${id}-heading" id="${id}">
<h2 id="${id}-heading">${provider.labels.name}: today</h2>
<dl class="byte8-figure-list">
${figure('delivered-today', 'Delivered today', view.deliveredToday)}
${figure('pending', 'Pending', view.pending)}
${figure('failed-24h', 'Failed in 24 h', view.failed24h, failedNote)}
${figure('oldest-pending', 'Oldest pending', view.oldestPending)}
${figure('last-delivery', 'Last successful delivery', view.lastDelivery, view.lastDeliveredAt ? html` <span class="byte8-note">(${formatUtc(view.lastDeliveredAt)})</span>` : '')}
</dl>
${renderActivityChart(view.hours, id)}
${worker}
</section>`;
}
