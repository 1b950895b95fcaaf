import type { ProviderLabels, SyncStateRecord } from '@byte8/core';

/** Sage's chip texts (wire-contract §10.1), for view tests. */
export const sageLabels: ProviderLabels = {
  name: 'Sage Accounting',
  statusColumn: 'Sage Status',
  chips: { synced: '✓ Synced', pending: '⏳ Pending', skipped: '⏸ Skipped', failed: '✗ Failed', none: '—' },
};

/** A mirror row of invoice 7 for Sage, synced unless told otherwise. */
export const syncRecord = (fields: Partial<SyncStateRecord>): SyncStateRecord => ({
  entityType: 'invoice',
  entityId: 7,
  provider: 'sage_accounting',
  status: 'synced',
  providerEntityId: null,
  providerReference: null,
  skipReason: null,
  errorCode: null,
  message: null,
  lastSyncAt: new Date(0),
  ...fields,
});
