import type {
  AdminApi,
  ConnectionStatusView,
  DashboardFiguresView,
  DashboardTileView,
  DeadLetterBannerView,
  DocumentStatusView,
  EntityType,
  HeldAction,
  HeldRowsView,
  EventStatusView,
  OutboxRow,
  ProviderLabels,
  ResyncResult,
  SyncStateQuery,
  SyncStateRecord,
} from '@byte8/core';

/**
 * An in-memory AdminApi for rendering tests: it keeps the view-model rules
 * simple (chip label from the provider's labels, tooltip precedence of §10.1)
 * so the pages can be exercised before the client's service is wired.
 */
export class MemoryAdminApi implements AdminApi {
  readonly records: SyncStateRecord[] = [];
  readonly deadLettered = new Map<string, OutboxRow[]>();
  readonly connections = new Map<string, { tenantId: string | null; codeIssuedAt: Date | null }>();
  readonly held = new Map<string, { count: number; tenants: string[] }>();
  readonly calls: string[] = [];
  readonly events = new Map<string, EventStatusView[]>();

  constructor(private readonly labels: Readonly<Record<string, ProviderLabels>>) {}

  async connectionStatus(provider: string): Promise<ConnectionStatusView> {
    const c = this.connections.get(provider) ?? { tenantId: null, codeIssuedAt: null };
    const connected = c.tenantId !== null;
    return {
      provider,
      state: connected ? 'connected' : 'disconnected',
      label: connected ? 'Connected to Sage (UK)' : 'Not paired',
      detail: connected ? null : 'Generate a pairing code and paste it at the ledger.',
      colour: connected ? '#00873d' : '#b30000',
      connected,
      tenantId: c.tenantId,
      ledgerBaseUrl: 'https://ledger.example.test',
      pairingCode: {
        pending: c.codeIssuedAt !== null,
        ageMinutes: c.codeIssuedAt ? Math.floor((Date.now() - c.codeIssuedAt.getTime()) / 60_000) : null,
        ttlMinutes: 30,
      },
    };
  }

  async deadLetters(options?: { provider?: string }): Promise<DeadLetterBannerView> {
    const rows = options?.provider ? (this.deadLettered.get(options.provider) ?? []) : [...this.deadLettered.values()].flat();
    return { count: rows.length, rows };
  }

  async requeue(target: { id: number } | { all: true }, provider?: string): Promise<number> {
    this.calls.push(`requeue:${JSON.stringify(target)}:${provider}`);
    const rows = this.deadLettered.get(provider ?? '') ?? [];
    const keep = 'all' in target ? [] : rows.filter((r) => r.id !== target.id);
    this.deadLettered.set(provider ?? '', keep);
    return rows.length - keep.length;
  }

  async heldRows(provider: string): Promise<HeldRowsView> {
    const held = this.held.get(provider);
    return { count: held?.count ?? 0, tenants: held?.tenants ?? [], currentTenantId: this.connections.get(provider)?.tenantId ?? null };
  }

  async resolveHeld(provider: string, action: HeldAction): Promise<number> {
    this.calls.push(`held:${action}:${provider}`);
    if (!this.connections.get(provider)?.tenantId) throw new Error(`${provider} is not paired`);
    const count = this.held.get(provider)?.count ?? 0;
    this.held.delete(provider);
    return count;
  }

  async generatePairingCode(provider: string): Promise<{ code: string; expiresAt: Date }> {
    this.calls.push(`generate:${provider}`);
    const issued = new Date();
    this.connections.set(provider, { tenantId: this.connections.get(provider)?.tenantId ?? null, codeIssuedAt: issued });
    return { code: `code-${this.calls.length}-0123456789abcdef`, expiresAt: new Date(issued.getTime() + 30 * 60_000) };
  }

  async disconnect(provider: string): Promise<{ wasConnected: boolean; acknowledged: boolean }> {
    this.calls.push(`disconnect:${provider}`);
    const wasConnected = this.connections.get(provider)?.tenantId != null;
    this.connections.set(provider, { tenantId: null, codeIssuedAt: null });
    return { wasConnected, acknowledged: wasConnected };
  }

  async documentStatus(entityType: EntityType, entityId: number, provider: string): Promise<DocumentStatusView> {
    const record = this.records.find((r) => r.entityType === entityType && r.entityId === entityId && r.provider === provider) ?? null;
    const chips = this.labels[provider]!.chips;
    const status = record?.status ?? 'none';
    const title = record
      ? (record.providerReference ??
        record.providerEntityId ??
        (record.skipReason ? `Skipped: ${record.skipReason}` : record.errorCode ? `Error: ${record.errorCode}` : null))
      : null;
    const reason =
      record?.status === 'failed' ? `Sync failed: error ${record.errorCode}.` : record?.status === 'skipped' ? `Not sent because ${record.skipReason}.` : null;
    return { entityType, entityId, provider, status, chip: { label: chips[status], className: `byte8-sync-chip--${status}`, title }, reason, record };
  }

  async eventStatuses(entityType: EntityType, entityId: number, provider: string): Promise<EventStatusView[]> {
    return this.events.get(`${provider}:${entityType}:${entityId}`) ?? [];
  }

  async resync(entityType: EntityType, entityId: number, provider: string): Promise<ResyncResult> {
    this.calls.push(`resync:${provider}:${entityType}:${entityId}`);
    const index = this.records.findIndex((r) => r.entityType === entityType && r.entityId === entityId && r.provider === provider);
    if (index === -1) return { outcome: 'not_found', events: [], message: 'Nothing to send.' };
    this.records[index] = { ...this.records[index]!, status: 'pending', errorCode: null, skipReason: null, message: null };
    return { outcome: 'queued', events: [`${entityType}.created`], message: `Queued again: ${entityType}.created.` };
  }

  async dashboardFigures(provider: string): Promise<DashboardFiguresView> {
    const hours = Array.from({ length: 24 }, (_, i) => ({ hourStart: new Date(Date.UTC(2026, 4, 1, i)), delivered: i % 5, failed: i === 20 ? 2 : 0 }));
    return {
      provider,
      deliveredToday: 40,
      pending: 3,
      failed24h: 2,
      failedAtLedger24h: 1,
      refused24h: 1,
      oldestPending: '4 minutes',
      oldestPendingSeconds: 240,
      lastDelivery: 'just now',
      lastDeliveredAt: new Date('2026-05-01T23:59:00Z'),
      hours,
      worker: { attempts: 44, succeeded: 40, retried: 3, deadLettered: 1, averageLatencyMs: 12 },
    };
  }

  async documentStatuses(entityType: EntityType, entityIds: readonly number[], provider: string): Promise<DocumentStatusView[]> {
    return Promise.all(entityIds.map((id) => this.documentStatus(entityType, id, provider)));
  }

  async listStatuses(query: SyncStateQuery): Promise<{ rows: SyncStateRecord[]; total: number }> {
    const all = this.records
      .filter((r) => r.entityType === query.entityType && r.provider === query.provider && (!query.status || r.status === query.status))
      .sort((a, b) => (query.sort === 'last_sync_at_asc' ? 1 : -1) * (a.lastSyncAt.getTime() - b.lastSyncAt.getTime()));
    const offset = query.offset ?? 0;
    return { rows: all.slice(offset, offset + (query.limit ?? 20)), total: all.length };
  }

  async dashboardTile(provider: string): Promise<DashboardTileView> {
    const connected = this.connections.get(provider)?.tenantId != null;
    return {
      provider,
      state: connected ? 'connected' : 'disconnected',
      headline: connected ? 'Connected to Sage (UK)' : 'Not connected to Sage',
      lastSync: 'just now',
      pending: '0',
      errors24h: '2',
      errorsHighlighted: true,
      link: connected ? 'sync' : 'config',
    };
  }
}

export function record(partial: Partial<SyncStateRecord> & Pick<SyncStateRecord, 'entityId' | 'status'>): SyncStateRecord {
  return {
    entityType: 'invoice',
    provider: 'sage_accounting',
    providerEntityId: null,
    providerReference: null,
    skipReason: null,
    errorCode: null,
    message: null,
    lastSyncAt: new Date('2026-04-29T10:11:12Z'),
    ...partial,
  };
}

export function deadLetter(id: number, provider = 'sage_accounting'): OutboxRow {
  return {
    id,
    provider,
    tenantId: 't-1',
    eventName: 'invoice.created',
    idempotencyKey: `invoice.created:${id}`,
    body: '{}',
    entityType: 'invoice',
    entityId: id,
    status: 'dead_lettered',
    attempts: 1,
    attemptsStarted: 1,
    lastStatusCode: 422,
    lastAttemptAt: new Date('2026-04-29T10:00:00Z'),
    nextAttemptAt: null,
    lastError: 'Unprocessable <entity>',
    leaseOwner: null,
    leaseExpiresAt: null,
    createdAt: new Date('2026-04-29T09:59:00Z'),
  };
}
