import { type Clock, type ConnectionStore, OUTBOX_STATUSES, type OutboxStore, type ProviderDefinition, systemClock } from '@byte8/core';
import { entityTypesOf } from '@byte8/core';
import { isConnected } from '../transport/resolve-ledger-auth.js';
import { type WatermarkAccess, reconcileWatermarkName } from '../reconcile/watermark.js';
import type { DeliveryMetrics } from './delivery-metrics.js';
import type { MetricsSnapshot } from './metrics-snapshot.js';

export interface CollectMetricsOptions {
  readonly outbox: OutboxStore;
  readonly connections: ConnectionStore;
  readonly providers: ReadonlyArray<Pick<ProviderDefinition, 'key' | 'events'>>;
  /** This process's delivery counters (see `createDeliveryMetrics`). */
  readonly deliveries?: Pick<DeliveryMetrics, 'read'>;
  /** Reconciliation watermarks, for the lag gauge. */
  readonly watermarks?: Pick<WatermarkAccess, 'get'>;
  readonly clock?: Clock;
}

/**
 * Reads a metrics snapshot: a handful of aggregate queries, cheap enough for
 * a scrape every 15 s.
 */
export async function collectMetrics(options: CollectMetricsOptions): Promise<MetricsSnapshot> {
  const now = (options.clock ?? systemClock).now();
  const keys = options.providers.map((p) => p.key);
  const [counts, connections] = await Promise.all([options.outbox.counts(), options.connections.list()]);
  const countOf = (provider: string, status: string) =>
    counts.filter((c) => c.provider === provider && c.status === status).reduce((sum, c) => sum + c.count, 0);
  const known = [...new Set([...keys, ...counts.map((c) => c.provider)])];
  const outbox = known.flatMap((provider) => OUTBOX_STATUSES.map((status) => ({ provider, status, count: countOf(provider, status) })));
  const oldestPendingAgeSeconds = await Promise.all(
    known.map(async (provider) => {
      const ms = await options.outbox.oldestPendingAgeMs(provider);
      return { provider, seconds: ms === null ? null : Math.max(0, ms) / 1000 };
    }),
  );
  const reconciliationLag = [];
  for (const provider of options.providers) {
    for (const entityType of entityTypesOf(provider)) {
      const mark = options.watermarks ? await options.watermarks.get(reconcileWatermarkName(provider.key, entityType)) : null;
      reconciliationLag.push({
        provider: provider.key,
        entityType,
        seconds: mark ? Math.max(0, now.getTime() - mark.at.getTime()) / 1000 : null,
      });
    }
  }
  const stats = options.deliveries?.read() ?? { deliveries: [], latency: [] };
  return {
    takenAt: now,
    providers: keys.map((provider) => {
      return { provider, connected: isConnected(connections.find((c) => c.provider === provider) ?? null) };
    }),
    outbox,
    oldestPendingAgeSeconds,
    deadLetters: known.map((provider) => ({ provider, count: countOf(provider, 'dead_lettered') })),
    deliveries: stats.deliveries,
    latency: stats.latency,
    reconciliationLag,
  };
}
