import type { ProviderLabels } from '@byte8/core';

/** What the admin surfaces show for Sage (wire-contract §10.1, §10.2). */
export const sageLabels: ProviderLabels = Object.freeze({
  name: 'Sage Accounting',
  statusColumn: 'Sage Status',
  chips: Object.freeze({
    synced: '✓ Synced',
    pending: '⏳ Pending',
    skipped: '⏸ Skipped',
    failed: '✗ Failed',
    none: '—',
  }),
});
