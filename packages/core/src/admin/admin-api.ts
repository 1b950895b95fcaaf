import type { EntityType } from '../sync/entity-types.js';
import type { SyncStateRecord } from '../sync/sync-state.js';
import type { SyncStatus } from '../sync/sync-status.js';
import type { ActivityHour } from '../ports/activity-store.js';
import type { HeldAction, OutboxRow } from '../ports/outbox-store.js';
import type { OutboxStatus } from '../sync/outbox-status.js';
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
  /** Why a skipped or failed document is so, in words (codes explained, the ledger's message appended); else null. */
  readonly reason: string | null;
  readonly record: SyncStateRecord | null;
}

/**
 * One event of a document (its latest outbox row): whether it was delivered
 * and, once the ledger called back after the delivery, what it came to. The
 * mirror keeps one row per document, so an answer is the event's only when
 * it arrived after the event was delivered.
 */
export interface EventStatusView {
  readonly eventName: string;
  readonly idempotencyKey: string;
  readonly outboxStatus: OutboxStatus;
  readonly status: SyncStatus;
  readonly chip: { readonly label: string; readonly className: string; readonly title: string | null };
  /** What happened, in words, e.g. `Delivered 2026-04-30 10:11 UTC; the ledger has not answered yet.` */
  readonly detail: string;
  readonly attempts: number;
  readonly lastAttemptAt: Date | null;
}

/** What "Sync again" did (`AdminApi.resync`). */
export interface ResyncResult {
  /**
   * `queued`: the document's events are pending again (dead letters requeued,
   * delivered ones re-sent under a new key, or fresh events when none was
   * left). `already_queued`: one is still pending; nothing changed.
   */
  readonly outcome: 'queued' | 'already_queued' | 'not_connected' | 'not_found';
  readonly events: readonly string[];
  /** The outcome in a sentence, for a flash message. */
  readonly message: string;
}

/** The dashboard's figures for one provider. */
export interface DashboardFiguresView {
  readonly provider: string;
  /** Events the ledger accepted since midnight UTC. */
  readonly deliveredToday: number;
  readonly pending: number;
  /** `failedAtLedger24h + refused24h`. */
  readonly failed24h: number;
  readonly failedAtLedger24h: number;
  readonly refused24h: number;
  /** `—`, or the age of the oldest pending event, e.g. `4 minutes`. */
  readonly oldestPending: string;
  readonly oldestPendingSeconds: number | null;
  /** `No deliveries yet`, or relative, e.g. `3 minutes ago`. */
  readonly lastDelivery: string;
  readonly lastDeliveredAt: Date | null;
  /** The last 24 hours, oldest first. */
  readonly hours: readonly ActivityHour[];
  /** This process's delivery attempts since it started (the worker's metrics); null when it keeps none. */
  readonly worker: {
    readonly attempts: number;
    readonly succeeded: number;
    readonly retried: number;
    readonly deadLettered: number;
    readonly averageLatencyMs: number | null;
  } | null;
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
  dashboardFigures(provider: string): Promise<DashboardFiguresView>;
  /** The document's events, newest delivery state first per event name. */
  eventStatuses(entityType: EntityType, entityId: number, provider: string): Promise<EventStatusView[]>;
  /** "Sync again": requeues the document's latest events for the provider, or enqueues fresh ones; the chip goes pending. */
  resync(entityType: EntityType, entityId: number, provider: string): Promise<ResyncResult>;
}
