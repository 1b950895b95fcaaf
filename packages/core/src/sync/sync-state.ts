import { z } from 'zod';
import { entityTypeSchema } from './entity-types.js';
import { syncStatusSchema, terminalSyncStatusSchema } from './sync-status.js';

/** One mirror row (`byte8_entity_sync_state`, wire-contract §9.1). */
export interface SyncStateRecord {
  readonly entityType: z.infer<typeof entityTypeSchema>;
  readonly entityId: number;
  readonly provider: string;
  readonly status: z.infer<typeof syncStatusSchema>;
  readonly providerEntityId: string | null;
  readonly providerReference: string | null;
  readonly skipReason: string | null;
  readonly errorCode: string | null;
  readonly lastSyncAt: Date;
}

const nullableShortString = z.string().max(64).nullable().optional().default(null);

/**
 * Body of `POST /V1/byte8/sync-state` (wire-contract §7.9). `pending` is
 * rejected: only the host writes it.
 */
export const syncStateCallbackSchema = z.object({
  entity_type: entityTypeSchema,
  magento_entity_id: z.number().int().positive(),
  provider: z.string().trim().min(1).max(32),
  sync_status: terminalSyncStatusSchema,
  provider_entity_id: nullableShortString,
  provider_reference: nullableShortString,
  skip_reason: nullableShortString,
  error_code: nullableShortString,
  last_sync_at: z.string().nullable().optional().default(null),
});
export type SyncStateCallback = z.infer<typeof syncStateCallbackSchema>;
