import { z } from 'zod';

/**
 * Mirror statuses (wire-contract §9.2). `pending` is written only by the host
 * at enqueue time; the ledger's callback may only write a terminal status.
 */
export const SYNC_STATUSES = ['pending', 'synced', 'skipped', 'failed'] as const;
export const syncStatusSchema = z.enum(SYNC_STATUSES);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const TERMINAL_SYNC_STATUSES = ['synced', 'skipped', 'failed'] as const;
export const terminalSyncStatusSchema = z.enum(TERMINAL_SYNC_STATUSES);
export type TerminalSyncStatus = z.infer<typeof terminalSyncStatusSchema>;

export function isTerminalSyncStatus(status: string): status is TerminalSyncStatus {
  return (TERMINAL_SYNC_STATUSES as readonly string[]).includes(status);
}
