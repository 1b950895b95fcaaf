import type { SimulatorActivity } from './activity-model.js';

// testkit cannot import the Express adapter's template (the adapter tests with testkit), so it escapes on its own.
const escapeText = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
const time = (date: Date) => escapeText(`${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`);
const table = (caption: string, id: string, head: readonly string[], rows: readonly string[], empty: string) =>
  `<table id="${id}"><caption>${escapeText(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${escapeText(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.length > 0 ? rows.join('\n') : `<tr><td colspan="${head.length}">${escapeText(empty)}</td></tr>`}</tbody></table>`;
const chip = (status: string) => `<span class="chip chip--${escapeText(status)}">${escapeText(status)}</span>`;

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;padding:16px 20px;color:#1d1d1d;background:#fafafa}
table{border-collapse:collapse;width:100%;margin:0 0 20px;background:#fff}caption{text-align:left;font-weight:600;padding:6px 0}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e2e2e2;font-size:.9rem;vertical-align:top}
td:first-child{white-space:nowrap}.mono{font-family:ui-monospace,monospace}.note{color:#4a4a4a}dl{display:flex;flex-wrap:wrap;gap:4px 24px}dd{margin:0;font-weight:700}
.chip{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.85rem;white-space:nowrap}
.chip--synced{background:#e3f5e1;color:#1f7a1f}.chip--skipped{background:#fff3cd;color:#8a6d00}.chip--failed{background:#fce4e4;color:#b3261e}`;

function syncRunsTable(activity: SimulatorActivity): string {
  return table(
    'Sync runs: what each accepted event came to',
    'sync-runs',
    ['Finished', 'Event', 'Entity', 'Outcome', 'Why', 'Sync run'],
    activity.syncRuns.map(
      (run) => `<tr><td>${time(run.finishedAt)}</td><td class="mono">${escapeText(run.event)}</td><td>${escapeText(run.entityType)} ${run.entityId}</td>
<td>${chip(run.outcome)}</td><td>${escapeText([run.skipReason ?? run.errorCode, run.reason].filter(Boolean).join(': '))}</td><td class="mono">${escapeText(run.syncRunId)}</td></tr>`,
    ),
    'No sync runs yet.',
  );
}

function deliveriesTable(activity: SimulatorActivity, withTenant: boolean): string {
  return table(
    'Deliveries (webhooks received)',
    'deliveries',
    ['Received', ...(withTenant ? ['Tenant'] : []), 'Event', 'Entity', 'Idempotency key', 'Answer', 'Sync run'],
    activity.deliveries.map(
      (d) => `<tr${d.duplicate ? ' class="duplicate"' : ''}><td>${time(d.at)}</td>${withTenant ? `<td class="mono">${escapeText(d.tenantId)}</td>` : ''}
<td class="mono">${escapeText(d.event)}</td><td>${d.entityId ?? '—'}</td><td class="mono">${escapeText(d.idempotencyKey ?? '—')}</td>
<td>${d.status === 202 ? (d.duplicate ? '202, duplicate (not processed again)' : '202 accepted') : escapeText(`${d.status || 'dropped'}${d.error ? `: ${d.error}` : ''}`)}</td>
<td class="mono">${escapeText(d.syncRunId ?? '—')}</td></tr>`,
    ),
    'Nothing delivered yet.',
  );
}

/**
 * One renderer, two views of the simulator's records. `simulator`: the whole
 * simulator (tenants, deliveries, pulls, callbacks, duplicates) for a person
 * trying the connector out. `embed`: what the ledger's embedded page shows a
 * store's admin for its tenant: its sync runs with each event's outcome, and
 * its deliveries.
 */
export function renderActivityPage(activity: SimulatorActivity, view: { readonly kind: 'simulator' } | { readonly kind: 'embed'; readonly tenantId: string }): string {
  const recording = activity.recording ? '' : '<p class="note">Recording is off (record: false): only the counters run.</p>';
  let body: string;
  if (view.kind === 'embed') {
    body = `<h1>Sync runs of tenant <span class="mono">${escapeText(view.tenantId)}</span></h1>
<p class="note">The Byte8 Ledger simulator: what arrived from this store and what each event came to. Reload to see new runs.</p>${recording}
${syncRunsTable(activity)}${deliveriesTable(activity, false)}`;
  } else {
    const s = activity.stats;
    const figures = [
      ['Deliveries', s.deliveries],
      ['Accepted', s.accepted],
      ['Duplicates', s.duplicateDeliveries],
      ['Refused', s.rejected],
      ['Faults injected', s.faulted],
      ['Pulls', s.pulls],
      ['Callbacks', s.callbacks],
    ]
      .map(([label, value]) => `<div><dt>${label}</dt><dd>${value}</dd></div>`)
      .join('');
    body = `<h1>Byte8 Ledger simulator</h1>
<p class="note">Listening at <span class="mono">${escapeText(activity.url)}</span>. What the stores sent, what it pulled back and what it answered.
<a href="/activity.json">This page as JSON</a>.</p>${recording}<dl id="stats">${figures}</dl>
${table(
  'Tenants',
  'tenants',
  ['Tenant', 'Provider', 'Store', 'Deliveries', 'Duplicates', 'Refused', 'Pulls', 'Callbacks', 'Sync runs'],
  activity.tenants.map(
    (t) => `<tr><td class="mono">${escapeText(t.tenantId)}${t.disconnected ? ' (disconnected)' : ''}</td><td>${escapeText(t.provider)}</td><td class="mono">${escapeText(t.hostBaseUrl ?? '—')}</td>
<td>${t.deliveries}</td><td>${t.duplicates}</td><td>${t.rejected}</td><td>${t.pulls}</td><td>${t.callbacks}</td><td><a href="/embed/${encodeURIComponent(t.tenantId)}">view</a></td></tr>`,
  ),
  'No tenant yet: pair a store first.',
)}
${deliveriesTable(activity, true)}
${table(
  'Pulls (canonical entities fetched from the store)',
  'pulls',
  ['Answered', 'Tenant', 'Entity', 'HTTP', 'Valid', 'Issues'],
  activity.pulls.map(
    (p) => `<tr><td>${time(p.at)}</td><td class="mono">${escapeText(p.tenantId)}</td><td>${escapeText(p.target)} ${p.entityId}</td><td>${p.status || 'network error'}</td>
<td>${p.valid ? 'yes' : 'no'}</td><td>${escapeText(p.issues.join('; '))}</td></tr>`,
  ),
  'Nothing pulled yet.',
)}
${table(
  'Callbacks (sync-state sent to the store)',
  'callbacks',
  ['Sent', 'Tenant', 'Entity', 'Status', 'Code', 'Message', 'Store answered'],
  activity.callbacks.map(
    (c) => `<tr><td>${time(c.at)}</td><td class="mono">${escapeText(c.tenantId)}</td><td>${escapeText(c.entityType)} ${c.entityId}</td><td>${chip(c.syncStatus)}</td>
<td class="mono">${escapeText(c.skipReason ?? c.errorCode ?? '')}</td><td>${escapeText(c.message ?? '')}</td><td>${c.hostStatus || 'network error'}</td></tr>`,
  ),
  'No callback yet.',
)}
${syncRunsTable(activity)}`;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${view.kind === 'embed' ? 'Sync runs' : 'Byte8 Ledger simulator'}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}
