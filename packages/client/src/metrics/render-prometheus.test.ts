import { describe, expect, it } from 'vitest';
import { createDeliveryMetrics } from './delivery-metrics.js';
import type { MetricsSnapshot } from './metrics-snapshot.js';
import { renderPrometheus } from './render-prometheus.js';

function snapshot(overrides: Partial<MetricsSnapshot> = {}): MetricsSnapshot {
  const deliveries = createDeliveryMetrics([100, 1000]);
  deliveries.delivery('sage_accounting', 'succeeded', 40);
  deliveries.delivery('sage_accounting', 'succeeded', 400);
  deliveries.delivery('sage_accounting', 'dead_lettered', 5000);
  const stats = deliveries.read();
  return {
    takenAt: new Date('2026-05-01T00:00:00Z'),
    providers: [{ provider: 'sage_accounting', connected: true }],
    outbox: [
      { provider: 'sage_accounting', status: 'pending', count: 3 },
      { provider: 'sage_accounting', status: 'succeeded', count: 10 },
      { provider: 'sage_accounting', status: 'dead_lettered', count: 1 },
    ],
    oldestPendingAgeSeconds: [{ provider: 'sage_accounting', seconds: 12.5 }],
    deadLetters: [{ provider: 'sage_accounting', count: 1 }],
    deliveries: stats.deliveries,
    latency: stats.latency,
    reconciliationLag: [
      { provider: 'sage_accounting', entityType: 'invoice', seconds: 60 },
      { provider: 'sage_accounting', entityType: 'product', seconds: null },
    ],
    ...overrides,
  };
}

describe('renderPrometheus', () => {
  it('writes every family with HELP/TYPE and labelled samples', () => {
    const text = renderPrometheus(snapshot());
    const lines = text.trimEnd().split('\n');
    expect(lines).toContain('# TYPE byte8_outbox_rows gauge');
    expect(lines).toContain('byte8_outbox_rows{provider="sage_accounting",status="pending"} 3');
    expect(lines).toContain('byte8_outbox_dead_letters{provider="sage_accounting"} 1');
    expect(lines).toContain('byte8_outbox_oldest_pending_age_seconds{provider="sage_accounting"} 12.5');
    expect(lines).toContain('byte8_provider_connected{provider="sage_accounting"} 1');
    expect(lines).toContain('byte8_deliveries_total{provider="sage_accounting",outcome="succeeded"} 2');
    expect(lines).toContain('byte8_deliveries_total{provider="sage_accounting",outcome="dead_lettered"} 1');
    expect(lines).toContain('byte8_reconciliation_lag_seconds{provider="sage_accounting",entity_type="invoice"} 60');
    expect(text).not.toContain('entity_type="product"');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes a cumulative latency histogram in seconds', () => {
    const lines = renderPrometheus(snapshot()).split('\n');
    expect(lines).toContain('byte8_delivery_latency_seconds_bucket{provider="sage_accounting",le="0.1"} 1');
    expect(lines).toContain('byte8_delivery_latency_seconds_bucket{provider="sage_accounting",le="1"} 2');
    expect(lines).toContain('byte8_delivery_latency_seconds_bucket{provider="sage_accounting",le="+Inf"} 3');
    expect(lines).toContain('byte8_delivery_latency_seconds_sum{provider="sage_accounting"} 5.44');
    expect(lines).toContain('byte8_delivery_latency_seconds_count{provider="sage_accounting"} 3');
  });

  it('escapes label values and omits unknown ages', () => {
    const text = renderPrometheus(
      snapshot({
        providers: [{ provider: 'we"ird\\name', connected: false }],
        oldestPendingAgeSeconds: [{ provider: 'sage_accounting', seconds: null }],
      }),
    );
    expect(text).toContain('byte8_provider_connected{provider="we\\"ird\\\\name"} 0');
    expect(text).not.toContain('byte8_outbox_oldest_pending_age_seconds{');
  });
});

describe('createDeliveryMetrics', () => {
  it('counts by provider and outcome and keeps providers apart', () => {
    const metrics = createDeliveryMetrics();
    metrics.delivery('a', 'retry', 10);
    metrics.delivery('a', 'retry', 20);
    metrics.delivery('b', 'succeeded', 5);
    const stats = metrics.read();
    expect(stats.deliveries).toEqual([
      { provider: 'a', outcome: 'retry', count: 2 },
      { provider: 'b', outcome: 'succeeded', count: 1 },
    ]);
    expect(stats.latency.find((h) => h.provider === 'a')).toMatchObject({ count: 2, sumMs: 30 });
  });
});
