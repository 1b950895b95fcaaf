import type { DocumentStatusView } from '@byte8/core';
import { html, type SafeHtml } from './html.js';

const KNOWN = new Set<string>(['synced', 'pending', 'skipped', 'failed']);

/**
 * The status chip of wire-contract §10.1:
 * `<span class="byte8-sync-chip byte8-sync-chip--<status>" title="…">`.
 * Label and tooltip come from the view model (the provider's texts and the
 * tooltip precedence); a missing or unknown status renders as `--none`
 * with no title.
 */
export function renderChip(view: Pick<DocumentStatusView, 'status' | 'chip'>): SafeHtml {
  if (!KNOWN.has(view.status)) {
    const label = view.status === 'none' ? view.chip.label : '—';
    return html`<span class="byte8-sync-chip byte8-sync-chip--none">${label}</span>`;
  }
  const title = view.chip.title;
  return html`<span class="byte8-sync-chip byte8-sync-chip--${view.status}"${title ? html` title="${title}"` : ''}>${view.chip.label}</span>`;
}
