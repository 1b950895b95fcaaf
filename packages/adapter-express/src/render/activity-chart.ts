import type { ActivityHour } from '@byte8/core';
import { html, type SafeHtml } from './html.js';

const BAR = 14;
const GAP = 3;
const HEIGHT = 72;
const AXIS = 16;

const hourLabel = (date: Date) => `${String(date.getUTCHours()).padStart(2, '0')}:00`;

/**
 * The last 24 hours as an inline SVG bar chart (no chart library, no
 * script): delivered events in green with the failures stacked on top in
 * red, a tooltip per hour, and a text summary for screen readers.
 */
export function renderActivityChart(hours: readonly ActivityHour[], idPrefix: string): SafeHtml {
  const peak = Math.max(1, ...hours.map((h) => h.delivered + h.failed));
  const width = hours.length * (BAR + GAP);
  const delivered = hours.reduce((n, h) => n + h.delivered, 0);
  const failed = hours.reduce((n, h) => n + h.failed, 0);
  const bars = hours.map((hour, index) => {
    const x = index * (BAR + GAP);
    const okHeight = Math.round((hour.delivered / peak) * HEIGHT);
    const badHeight = Math.round((hour.failed / peak) * HEIGHT);
    const title = `${hourLabel(hour.hourStart)}–${hourLabel(new Date(hour.hourStart.getTime() + 3_600_000))} UTC: ${hour.delivered} delivered, ${hour.failed} failed`;
    return html`<g><title>${title}</title><rect x="${x}" y="0" width="${BAR}" height="${HEIGHT}" fill="transparent"/>
${okHeight > 0 ? html`<rect class="byte8-bar-ok" x="${x}" y="${HEIGHT - okHeight}" width="${BAR}" height="${okHeight}"/>` : ''}
${badHeight > 0 ? html`<rect class="byte8-bar-failed" x="${x}" y="${HEIGHT - okHeight - badHeight}" width="${BAR}" height="${badHeight}"/>` : ''}</g>`;
  });
  const ticks = hours
    .map((hour, index) => ({ hour, index }))
    .filter(({ index }) => index % 6 === 0)
    .map(({ hour, index }) => html`<text x="${index * (BAR + GAP)}" y="${HEIGHT + 12}">${hourLabel(hour.hourStart)}</text>`);
  const summary = `Last 24 hours: ${delivered} delivered, ${failed} failed or refused.`;
  return html`<figure class="byte8-chart" id="${idPrefix}-chart"><figcaption>Deliveries, last 24 hours (UTC)</figcaption>
<svg role="img" aria-labelledby="${idPrefix}-chart-summary" viewBox="0 0 ${width} ${HEIGHT + AXIS}" width="${width}" height="${HEIGHT + AXIS}">
<title id="${idPrefix}-chart-summary">${summary}</title>
<line x1="0" y1="${HEIGHT + 0.5}" x2="${width}" y2="${HEIGHT + 0.5}" class="byte8-axis"/>${bars}${ticks}</svg>
<p class="byte8-note"><span class="byte8-key byte8-bar-ok" aria-hidden="true"></span> delivered <span class="byte8-key byte8-bar-failed" aria-hidden="true"></span> failed or refused</p></figure>`;
}
