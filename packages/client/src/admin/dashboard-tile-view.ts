import type { DashboardTileView, LedgerHealth } from '@byte8/core';

export interface DashboardTileInput {
  readonly provider: string;
  readonly providerName: string;
  readonly connected: boolean;
  readonly health: LedgerHealth | null;
  /** Shown in "Finish setup at <host>". */
  readonly ledgerHost: string;
  readonly now: Date;
}

/** The dashboard health tile (wire-contract §10.4). */
export function dashboardTileView(input: DashboardTileInput): DashboardTileView {
  const sync = input.health?.sync;
  const metrics = {
    lastSync: input.health ? relativeTime(sync?.last_run_at ?? null, input.now) : '—',
    pending: typeof sync?.pending_count === 'number' ? String(sync.pending_count) : '—',
    errors24h: typeof sync?.failed_24h === 'number' ? String(sync.failed_24h) : '—',
    errorsHighlighted: (sync?.failed_24h ?? 0) > 0,
  };
  const tile = (state: DashboardTileView['state'], headline: string, link: DashboardTileView['link']): DashboardTileView => ({
    provider: input.provider,
    state,
    headline,
    link,
    ...metrics,
  });
  if (!input.connected) return tile('disconnected', `Not connected to ${input.providerName}`, 'config');
  const health = input.health;
  if (health === null) return tile('unknown', 'Ledger unreachable', 'sync');
  const status = health.tenant?.magento_connection_status;
  if (status === 'token_revoked') return tile('error', 'Store disconnected — re-pair required', 'config');
  const binding = health.binding?.status ?? '';
  if (status === 'pending' || binding === '') return tile('warning', `Finish setup at ${input.ledgerHost}`, 'config');
  if (binding !== 'active') return tile('error', `Binding ${binding}`, 'sync');
  const region = health.binding?.region ? ` (${health.binding.region.toUpperCase()})` : '';
  const headline = `Connected to ${input.providerName}${region}`;
  if ((sync?.failed_24h ?? 0) > 0) return tile('error', headline, 'sync');
  if ((sync?.pending_count ?? 0) > 0) return tile('warning', headline, 'sync');
  return tile('connected', headline, 'sync');
}

/** "just now", "N minutes ago", "N hours ago", "N days ago", or "No syncs yet". */
export function relativeTime(iso: string | null, now: Date): string {
  if (!iso) return 'No syncs yet';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'No syncs yet';
  const seconds = Math.max(0, Math.floor((now.getTime() - then) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} minutes ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} hours ago`;
  return `${Math.floor(seconds / 86_400)} days ago`;
}
