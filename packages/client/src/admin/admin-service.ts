import type {
  ActivityStore,
  AdminApi,
  CanonicalSource,
  Clock,
  ConnectionStatusView,
  ConnectionStore,
  DashboardFiguresView,
  DashboardTileView,
  DeadLetterBannerView,
  DocumentStatusView,
  EntityType,
  HeldAction,
  HeldRowsView,
  EventStatusView,
  LedgerTransport,
  Logger,
  OutboxStore,
  Provider,
  ProviderLabels,
  Random,
  ResyncResult,
  SecretBox,
  SyncStateQuery,
  SyncStateRecord,
  SyncStateStore,
} from '@byte8/core';
import type { DeliveryStats } from '../metrics/delivery-metrics.js';
import { generatePairingCode } from '../pairing/generate-pairing-code.js';
import type { LedgerUrlPolicy } from '../transport/ledger-url-policy.js';
import { DEFAULT_LEDGER_BASE_URL, isConnected } from '../transport/resolve-ledger-auth.js';
import type { EventEnqueuer } from '../reconcile/event-enqueuer.js';
import { dashboardFiguresView, startOfUtcDay } from './dashboard-figures-view.js';
import { documentStatusView } from './document-status-view.js';
import { eventStatusViews } from './event-status-view.js';
import { type LedgerViewDeps, disconnectFromLedger, ledgerConnectionStatus, ledgerDashboardTile } from './ledger-connection-views.js';
import { OneAtATime } from './one-at-a-time.js';
import { resyncDocument } from './resync-document.js';

export interface AdminServiceDeps {
  readonly providers: readonly Provider[];
  readonly connections: ConnectionStore;
  readonly outbox: OutboxStore;
  readonly syncState: SyncStateStore;
  readonly transport: Pick<LedgerTransport, 'fetchHealth' | 'disconnect'>;
  readonly secretBox: SecretBox;
  /** A CSPRNG: it makes the pairing codes. */
  readonly random: Random;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Shown and used until pairing stores the ledger's own. Default `https://ledger.byte8.io`. */
  readonly defaultLedgerBaseUrl?: string;
  /** Where the stored ledger URL may point; default the real ledger's hosts and `defaultLedgerBaseUrl`. */
  readonly ledgerUrlPolicy?: LedgerUrlPolicy;
  /** The dashboard figures' aggregates (`storage.activity`); needed by `dashboardFigures`. */
  readonly activity?: ActivityStore;
  /** This process's delivery counters (the worker's metrics), shown with the figures. */
  readonly deliveryMetrics?: { read(): DeliveryStats };
  /** What "Sync again" queues with: the publisher, and the host's data for documents with no event left. */
  readonly resync?: { readonly enqueuer: EventEnqueuer; readonly source: CanonicalSource };
}

/**
 * The view models every adapter renders (design §5 Admin, wire-contract §10).
 * Holds no state of its own: each call reads storage and, for the status
 * views, the ledger's health (the transport caches it briefly).
 *
 * @example
 * const admin = new AdminService({ providers, connections, outbox, syncState, transport, secretBox, random, clock, logger });
 * const { code } = await admin.generatePairingCode('sage_accounting'); // show once
 */
export class AdminService implements AdminApi {
  readonly #deps: AdminServiceDeps;
  readonly #ledgerViews: LedgerViewDeps;
  /** "Sync again" of one document runs one at a time in this process (two instances at once may both queue). */
  readonly #resyncs = new OneAtATime();

  constructor(deps: AdminServiceDeps) {
    this.#deps = deps;
    this.#ledgerViews = { ...deps, defaultBaseUrl: (deps.defaultLedgerBaseUrl ?? DEFAULT_LEDGER_BASE_URL).replace(/\/+$/, '') };
  }

  async connectionStatus(provider: string): Promise<ConnectionStatusView> {
    return ledgerConnectionStatus(this.#ledgerViews, provider, this.#labels(provider).name);
  }

  async deadLetters(options: { readonly provider?: string; readonly limit?: number } = {}): Promise<DeadLetterBannerView> {
    const limit = clamp(options.limit ?? 50, 1, 500);
    const { rows, total } = await this.#deps.outbox.list({
      status: 'dead_lettered',
      limit,
      ...(options.provider === undefined ? {} : { provider: options.provider }),
    });
    return { count: total, rows };
  }

  requeue(target: { readonly id: number } | { readonly all: true }, provider?: string): Promise<number> {
    return this.#deps.outbox.requeue(target, provider);
  }

  async heldRows(provider: string): Promise<HeldRowsView> {
    this.#labels(provider);
    const record = await this.#deps.connections.get(provider);
    if (!isConnected(record)) return { count: 0, tenants: [], currentTenantId: null };
    const [held] = await this.#deps.outbox.heldCounts([{ provider, tenantId: record.tenantId }]);
    return { count: held?.count ?? 0, tenants: held?.tenants ?? [], currentTenantId: record.tenantId };
  }

  async resolveHeld(provider: string, action: HeldAction): Promise<number> {
    this.#labels(provider);
    const record = await this.#deps.connections.get(provider);
    if (!isConnected(record)) throw new Error(`${provider} is not paired: held events can only be sent to, or dropped for, a current tenant`);
    const changed = await this.#deps.outbox.resolveHeld(provider, record.tenantId, action);
    this.#deps.logger.info({ provider, action, rows: changed, tenantId: record.tenantId }, 'byte8: held outbox rows resolved');
    return changed;
  }

  async generatePairingCode(provider: string): Promise<{ readonly code: string; readonly expiresAt: Date }> {
    this.#labels(provider);
    const issued = await generatePairingCode(this.#deps, provider);
    this.#deps.logger.info({ provider, expiresAt: issued.expiresAt.toISOString() }, 'byte8: pairing code generated');
    return issued;
  }

  /** Disconnect (wire-contract §5.1): tells the ledger when it can, then clears the credentials; rows stay. */
  disconnect(provider: string): Promise<{ readonly wasConnected: boolean; readonly acknowledged: boolean }> {
    this.#labels(provider);
    return disconnectFromLedger(this.#ledgerViews, provider);
  }

  async documentStatus(entityType: EntityType, entityId: number, provider: string): Promise<DocumentStatusView> {
    const labels = this.#labels(provider);
    return documentStatusView(entityType, entityId, provider, labels, await this.#deps.syncState.find(entityType, entityId, provider));
  }

  async documentStatuses(entityType: EntityType, entityIds: readonly number[], provider: string): Promise<DocumentStatusView[]> {
    const labels = this.#labels(provider);
    const records = entityIds.length === 0 ? [] : await this.#deps.syncState.findMany(entityType, entityIds, provider);
    const byId = new Map(records.map((r) => [r.entityId, r]));
    return entityIds.map((id) => documentStatusView(entityType, id, provider, labels, byId.get(id) ?? null));
  }

  listStatuses(query: SyncStateQuery): Promise<{ readonly rows: readonly SyncStateRecord[]; readonly total: number }> {
    return this.#deps.syncState.list({
      ...query,
      sort: query.sort ?? 'last_sync_at_desc',
      limit: clamp(query.limit ?? 20, 1, 200),
      offset: Math.max(0, Math.floor(query.offset ?? 0)),
    });
  }

  async dashboardTile(provider: string): Promise<DashboardTileView> {
    return ledgerDashboardTile(this.#ledgerViews, provider, this.#labels(provider).name);
  }

  async dashboardFigures(provider: string): Promise<DashboardFiguresView> {
    this.#labels(provider);
    if (!this.#deps.activity) throw new Error('AdminService: dashboardFigures needs `activity` (storage.activity)');
    const now = this.#deps.clock.now();
    const figures = await this.#deps.activity.figures(provider, { now, since: startOfUtcDay(now) });
    return dashboardFiguresView(provider, figures, now, this.#deps.deliveryMetrics?.read() ?? null);
  }

  async eventStatuses(entityType: EntityType, entityId: number, provider: string): Promise<EventStatusView[]> {
    const labels = this.#labels(provider);
    const [{ rows }, record] = await Promise.all([
      this.#deps.outbox.list({ provider, entityType, entityId, limit: 500 }),
      this.#deps.syncState.find(entityType, entityId, provider),
    ]);
    return eventStatusViews(rows, record, labels);
  }

  async resync(entityType: EntityType, entityId: number, provider: string): Promise<ResyncResult> {
    this.#labels(provider);
    const resync = this.#deps.resync;
    if (!resync) throw new Error('AdminService: resync needs `resync` ({ enqueuer, source }); createByte8 wires it');
    return this.#resyncs.run(`${provider}\u0000${entityType}\u0000${entityId}`, () => resyncDocument({ ...this.#deps, ...resync }, entityType, entityId, provider));
  }

  #labels(provider: string): ProviderLabels {
    const found = this.#deps.providers.find((p) => p.key === provider);
    if (!found) throw new Error(`unknown provider "${provider}" (installed: ${this.#deps.providers.map((p) => p.key).join(', ') || 'none'})`);
    return found.labels;
  }

}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)));
}
