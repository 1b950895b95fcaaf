import type { DocumentStatusView, EntityType, ProviderLabels, SyncStateRecord } from '@byte8/core';
import { statusReason } from './status-reason.js';

/**
 * A document's chip (wire-contract §10.1): the provider's label for the
 * status, class `byte8-sync-chip byte8-sync-chip--<status>`, and a tooltip
 * from the first non-empty of provider reference, provider entity id,
 * `Skipped: <reason>`, `Error: <code>`. No row renders `—` without a tooltip.
 * A skipped or failed document also gets its reason in words.
 */
export function documentStatusView(
  entityType: EntityType,
  entityId: number,
  provider: string,
  labels: ProviderLabels,
  record: SyncStateRecord | null,
): DocumentStatusView {
  const status = record?.status ?? 'none';
  const title = record
    ? record.providerReference ||
      record.providerEntityId ||
      (record.skipReason ? `Skipped: ${record.skipReason}` : null) ||
      (record.errorCode ? `Error: ${record.errorCode}` : null)
    : null;
  return {
    entityType,
    entityId,
    provider,
    status,
    chip: { label: labels.chips[status], className: `byte8-sync-chip byte8-sync-chip--${status}`, title: title || null },
    reason: statusReason(record, labels.name),
    record,
  };
}
