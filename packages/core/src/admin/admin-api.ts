import type { EntityType } from '../sync/entity-types.js';
import type { SyncStateRecord } from '../sync/sync-state.js';
import type { SyncStatus } from '../sync/sync-status.js';
import type { HeldAction, OutboxRow } from '../ports/outbox-store.js';
import type { SyncStateQuery } from '../ports/sync-state-store.js';

/** Connection states of the config page (wire-contract §10.3). */
export type ConnectionState = 'disconnected' | 'token_revoked' | 'waiting' | 'connected' | 'provider_not_connected' | 'unreachable';

export interface ConnectionStatusView {
  readonly provider: string;
  readonly state: ConnectionState;
  readonly label: string;
  readonly detail: string | null;
  /** Hex colour of the status dot. */
  readonly colour: string;
  readonly connected: boolean;
  readonly tenantId: string | null;
  readonly ledgerBaseUrl: string;
  readonly pairingCode: { readonly pending: boolean; readonly ageMinutes: number | null; readonly ttlMinutes: number };
}

export interface DeadLetterBannerView {
  readonly count: number;
  readonly rows: readonly OutboxRow[];
}

/** Pending rows enqueued for a previous tenant: never sent on their own (design §5). */
export interface HeldRowsView {
  readonly count: number;
  /** The previous tenants they were enqueued for. */
  readonly tenants: readonly string[];
  /** The tenant `resolveHeld('readdress')` would send them to; null when not paired. */
  readonly currentTenantId: string | null;
}

export interface DocumentStatusView {
  readonly entityType: EntityType;
  readonly entityId: number;
  readonly provider: string;
  readonly status: SyncStatus | 'none';
  readonly chip: { readonly label: string; readonly className: string; readonly title: string | null };
  readonly record: SyncStateRecord | null;
}

export type TileState = 'disconnected' | 'unknown' | 'error' | 'warning' | 'connected';

/** Dashboard tile (wire-contract §10.4). */
export interface DashboardTileView {
  readonly provider: string;
  readonly state: TileState;
  readonly headline: string;
  readonly lastSync: string;
  readonly pending: string;
  readonly errors24h: string;
  readonly errorsHighlighted: boolean;
  /** Where the tile links: the config page or the sync page. */
  readonly link: 'config' | 'sync';
}

/** The view models every adapter renders (design §5 Admin). */
export interface AdminApi {
  connectionStatus(provider: string): Promise<ConnectionStatusView>;
  deadLetters(options?: { readonly provider?: string; readonly limit?: number }): Promise<DeadLetterBannerView>;
  requeue(target: { readonly id: number } | { readonly all: true }, provider?: string): Promise<number>;
  heldRows(provider: string): Promise<HeldRowsView>;
  /** Re-addresses held rows to the current tenant, or drops them; throws when not paired. Returns rows changed. */
  resolveHeld(provider: string, action: HeldAction): Promise<number>;
  /** Plaintext returned once; only its hash is stored. */
  generatePairingCode(provider: string): Promise<{ readonly code: string; readonly expiresAt: Date }>;
  disconnect(provider: string): Promise<{ readonly wasConnected: boolean; readonly acknowledged: boolean }>;
  documentStatus(entityType: EntityType, entityId: number, provider: string): Promise<DocumentStatusView>;
  documentStatuses(entityType: EntityType, entityIds: readonly number[], provider: string): Promise<DocumentStatusView[]>;
  listStatuses(query: SyncStateQuery): Promise<{ readonly rows: readonly SyncStateRecord[]; readonly total: number }>;
  dashboardTile(provider: string): Promise<DashboardTileView>;
}
