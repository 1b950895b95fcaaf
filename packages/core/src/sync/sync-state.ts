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
  /** The ledger's own words with a skip or failure, when its callback carried any (this project's column). */
  readonly message: string | null;
  readonly lastSyncAt: Date;
}

const nullableShortString = z.string().max(64).nullable().optional().default(null);

/** Longest callback `message` kept; a longer one is cut, never refused (the status must not be lost). */
export const SYNC_MESSAGE_MAX_LENGTH = 500;

/**
 * Body of `POST /V1/byte8/sync-state` (wire-contract §7.9). `pending` is
 * rejected: only the host writes it. Unknown keys are ignored.
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
  /**
   * Optional and not in wire-contract §7.9: the ledger's explanation of a
   * skip or failure, stored and shown beside the codes. A ledger that does
   * not send it changes nothing.
   */
  message: z
    .string()
    .nullable()
    .optional()
    .default(null)
    .transform((text) => {
      const trimmed = text?.trim() ?? '';
      if (trimmed === '') return null;
      return trimmed.length > SYNC_MESSAGE_MAX_LENGTH ? `${trimmed.slice(0, SYNC_MESSAGE_MAX_LENGTH - 1)}…` : trimmed;
    }),
});
export type SyncStateCallback = z.infer<typeof syncStateCallbackSchema>;
