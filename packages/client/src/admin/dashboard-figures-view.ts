import type { ActivityFigures, DashboardFiguresView } from '@byte8/core';
import type { DeliveryStats } from '../metrics/delivery-metrics.js';
import { relativeTime } from './dashboard-tile-view.js';

/** `45 seconds`, `4 minutes`, `3 hours`, `2 days`. */
export function durationWords(seconds: number): string {
  const whole = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return whole(Math.floor(seconds), 'second');
  if (seconds < 3600) return whole(Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return whole(Math.floor(seconds / 3600), 'hour');
  return whole(Math.floor(seconds / 86_400), 'day');
}

/** Midnight UTC of `now`'s day: "today" on an admin that shows UTC. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The figures a bookkeeper reads, from the storage aggregates and this process's delivery counters. */
export function dashboardFiguresView(provider: string, figures: ActivityFigures, now: Date, stats: DeliveryStats | null): DashboardFiguresView {
  const oldestSeconds = figures.oldestPendingAt ? Math.max(0, (now.getTime() - figures.oldestPendingAt.getTime()) / 1000) : null;
  let worker: DashboardFiguresView['worker'] = null;
  if (stats) {
    const count = (outcome: string) =>
      stats.deliveries.filter((d) => d.provider === provider && d.outcome === outcome).reduce((sum, d) => sum + d.count, 0);
    const latency = stats.latency.find((h) => h.provider === provider);
    const [succeeded, retried, deadLettered] = [count('succeeded'), count('retry'), count('dead_lettered')];
    worker = {
      attempts: succeeded + retried + deadLettered,
      succeeded,
      retried,
      deadLettered,
      averageLatencyMs: latency && latency.count > 0 ? Math.round(latency.sumMs / latency.count) : null,
    };
  }
  return {
    provider,
    deliveredToday: figures.deliveredSince,
    pending: figures.pending,
    failed24h: figures.failedAtLedger24h + figures.refused24h,
    failedAtLedger24h: figures.failedAtLedger24h,
    refused24h: figures.refused24h,
    oldestPending: oldestSeconds === null ? '—' : durationWords(oldestSeconds),
    oldestPendingSeconds: oldestSeconds,
    lastDelivery: figures.lastDeliveredAt ? relativeTime(figures.lastDeliveredAt.toISOString(), now) : 'No deliveries yet',
    lastDeliveredAt: figures.lastDeliveredAt,
    hours: figures.hours,
    worker,
  };
}
