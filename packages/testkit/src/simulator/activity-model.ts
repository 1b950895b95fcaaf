import type { ProcessingRecord, SimulatorStats } from './records.js';
import type { RequestLog } from './request-log.js';
import type { TenantRegistry } from './tenant-registry.js';

/** What the simulator shows a person (page and JSON): never a master key, token or header. */
export interface SimulatorActivity {
  readonly url: string;
  /** False when the simulator runs with `record: false`: the lists stay empty, the counters run. */
  readonly recording: boolean;
  readonly stats: SimulatorStats;
  readonly tenants: ReadonlyArray<{
    readonly tenantId: string;
    readonly provider: string;
    readonly hostBaseUrl: string | null;
    readonly disconnected: boolean;
    readonly deliveries: number;
    readonly duplicates: number;
    readonly rejected: number;
    readonly pulls: number;
    readonly callbacks: number;
  }>;
  /** Newest first, as are the lists below. */
  readonly deliveries: ReadonlyArray<{
    readonly at: Date;
    readonly tenantId: string;
    readonly provider: string;
    readonly event: string;
    readonly entityId: number | null;
    readonly idempotencyKey: string | null;
    readonly status: number;
    readonly duplicate: boolean;
    readonly syncRunId: string | null;
    readonly error: string | null;
  }>;
  readonly pulls: ReadonlyArray<{
    readonly at: Date;
    readonly tenantId: string;
    readonly target: string;
    readonly entityId: number;
    readonly status: number;
    readonly valid: boolean;
    readonly issues: readonly string[];
  }>;
  readonly callbacks: ReadonlyArray<{
    readonly at: Date;
    readonly tenantId: string;
    readonly syncRunId: string;
    readonly entityType: string;
    readonly entityId: number;
    readonly syncStatus: string;
    readonly skipReason: string | null;
    readonly errorCode: string | null;
    readonly message: string | null;
    /** The host's answer (0: network error). */
    readonly hostStatus: number;
  }>;
  /** What each accepted event came to (the ledger's sync runs). */
  readonly syncRuns: readonly ProcessingRecord[];
}

/** The activity of all tenants, or of one (`tenantId`), newest first, at most `limit` of each list. */
export function simulatorActivity(log: RequestLog, tenants: TenantRegistry, url: string, options: { readonly tenantId?: string; readonly limit?: number } = {}): SimulatorActivity {
  const limit = options.limit ?? 200;
  const mine = <T extends { readonly tenantId: string }>(list: readonly T[]) =>
    list.filter((item) => options.tenantId === undefined || item.tenantId === options.tenantId);
  const newest = <T>(list: readonly T[]) => [...list].reverse().slice(0, limit);
  const count = <T extends { readonly tenantId: string }>(list: readonly T[], tenantId: string, test: (item: T) => boolean = () => true) =>
    list.filter((item) => item.tenantId === tenantId && test(item)).length;
  return {
    url,
    recording: log.recording,
    stats: log.stats,
    tenants: mine(tenants.list()).map((tenant) => ({
      tenantId: tenant.tenantId,
      provider: tenant.provider,
      hostBaseUrl: tenant.hostBaseUrl,
      disconnected: tenant.disconnected,
      deliveries: count(log.deliveries, tenant.tenantId),
      duplicates: count(log.deliveries, tenant.tenantId, (d) => d.duplicate),
      rejected: count(log.deliveries, tenant.tenantId, (d) => d.status !== 202),
      pulls: count(log.pulls, tenant.tenantId),
      callbacks: count(log.callbacks, tenant.tenantId),
    })),
    deliveries: newest(mine(log.deliveries)).map((d) => ({
      at: d.receivedAt,
      tenantId: d.tenantId,
      provider: d.provider,
      event: d.event,
      entityId: d.envelope?.magento_entity_id ?? null,
      idempotencyKey: d.idempotencyKey,
      status: d.status,
      duplicate: d.duplicate,
      syncRunId: d.syncRunId,
      error: d.error ?? d.fault,
    })),
    pulls: newest(mine(log.pulls)).map((p) => ({
      at: p.at,
      tenantId: p.tenantId,
      target: p.entityType,
      entityId: p.entityId,
      status: p.status,
      valid: p.valid,
      issues: p.issues,
    })),
    callbacks: newest(mine(log.callbacks)).map((c) => ({
      at: c.at,
      tenantId: c.tenantId,
      syncRunId: c.syncRunId,
      entityType: c.body.entity_type,
      entityId: c.body.magento_entity_id,
      syncStatus: c.body.sync_status,
      skipReason: c.body.skip_reason,
      errorCode: c.body.error_code,
      message: c.body.message,
      hostStatus: c.status,
    })),
    syncRuns: newest(mine(log.processed)),
  };
}
