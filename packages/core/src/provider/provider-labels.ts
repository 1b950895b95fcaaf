import type { SyncStatus } from '../sync/sync-status.js';

/** Texts the admin surfaces show for a provider (wire-contract §10). */
export interface ProviderLabels {
  /** e.g. `Sage Accounting` (detail block title, settings page). */
  readonly name: string;
  /** e.g. `Sage Status` (list column header). */
  readonly statusColumn: string;
  readonly chips: Readonly<Record<SyncStatus | 'none', string>>;
}

/** The chip texts of wire-contract §10.1, the same in every Byte8 provider module. */
export const STANDARD_CHIPS: ProviderLabels['chips'] = Object.freeze({
  synced: '✓ Synced',
  pending: '⏳ Pending',
  skipped: '⏸ Skipped',
  failed: '✗ Failed',
  none: '—',
});

/**
 * A provider's labels, frozen, with the standard chips unless it brings its own.
 *
 * @example
 * export const xeroLabels = providerLabels({ name: 'Xero Accounting', statusColumn: 'Xero Status' });
 */
export function providerLabels(labels: Omit<ProviderLabels, 'chips'> & { readonly chips?: ProviderLabels['chips'] }): ProviderLabels {
  return Object.freeze({ name: labels.name, statusColumn: labels.statusColumn, chips: Object.freeze({ ...(labels.chips ?? STANDARD_CHIPS) }) });
}
