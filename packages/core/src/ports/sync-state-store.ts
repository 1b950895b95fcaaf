import type { EntityType } from '../sync/entity-types.js';
import type { SyncStateRecord } from '../sync/sync-state.js';
import type { SyncStatus, TerminalSyncStatus } from '../sync/sync-status.js';
import type { HostTransaction } from './outbox-store.js';

export interface TerminalSyncUpdate {
  readonly entityType: EntityType;
  readonly entityId: number;
  readonly provider: string;
  readonly status: TerminalSyncStatus;
  readonly providerEntityId: string | null;
  readonly providerReference: string | null;
  readonly skipReason: string | null;
  readonly errorCode: string | null;
  /** The ledger's words, when it sent any (default null). */
  readonly message?: string | null;
  readonly lastSyncAt: Date;
}

export interface SyncStateQuery {
  readonly entityType: EntityType;
  readonly provider: string;
  readonly status?: SyncStatus;
  /** `status_*`: by status (failed, skipped, pending, synced for `asc`), then newest first. */
  readonly sort?: 'last_sync_at_desc' | 'last_sync_at_asc' | 'entity_id_desc' | 'entity_id_asc' | 'status_asc' | 'status_desc';
  readonly limit?: number;
  readonly offset?: number;
}

/** Port: the sync-state mirror (wire-contract §9). */
export interface SyncStateStore {
  /** Inserts `pending`, or only moves `last_sync_at` when a row exists (never overwrites a terminal status). */
  markPending(entityType: EntityType, entityId: number, provider: string, options?: { transaction?: HostTransaction }): Promise<void>;
  /**
   * The merchant asked to sync again: the row becomes `pending` with skip
   * reason, error code and message cleared (provider ids stay), inserted
   * when missing. Returns the row as it was before, or null.
   */
  resetToPending(entityType: EntityType, entityId: number, provider: string): Promise<SyncStateRecord | null>;
  /** Puts a row back as it was (after a failed reset); removes it when `previous` is null. */
  restore(entityType: EntityType, entityId: number, provider: string, previous: SyncStateRecord | null): Promise<void>;
  /**
   * The ledger's callback (or direct mode's outcome): always overwrites status and detail fields.
   * Joins `transaction` when given (direct mode writes it with the entity cross-reference).
   */
  upsertTerminal(update: TerminalSyncUpdate, options?: { transaction?: HostTransaction }): Promise<SyncStateRecord>;
  find(entityType: EntityType, entityId: number, provider: string): Promise<SyncStateRecord | null>;
  /** Several ids at once, for list pages. */
  findMany(entityType: EntityType, entityIds: readonly number[], provider: string): Promise<SyncStateRecord[]>;
  list(query: SyncStateQuery): Promise<{ rows: SyncStateRecord[]; total: number }>;
}
