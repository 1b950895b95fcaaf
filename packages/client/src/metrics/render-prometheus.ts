import type { MetricsSnapshot } from './metrics-snapshot.js';

type Labels = Readonly<Record<string, string>>;

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const formatLabels = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
};
const formatNumber = (value: number) =>
  value === Number.POSITIVE_INFINITY ? '+Inf' : Number.isNaN(value) ? 'NaN' : String(Number(value.toFixed(6)));

/** Content type of the exposition, for the adapter's response header. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Renders a snapshot in the Prometheus text exposition format (0.0.4).
 * Adapters serve it at a metrics route; series with no value (no pending
 * row, no watermark yet) are left out rather than written as 0.
 *
 * @example
 * res.type(PROMETHEUS_CONTENT_TYPE).send(renderPrometheus(await collectMetrics(options)));
 */
export function renderPrometheus(snapshot: MetricsSnapshot): string {
  const out: string[] = [];
  const family = (name: string, type: string, help: string, samples: ReadonlyArray<[string, Labels, number]>) => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [sample, labels, value] of samples) out.push(`${sample}${formatLabels(labels)} ${formatNumber(value)}`);
  };
  family(
    'byte8_provider_connected',
    'gauge',
    '1 when the provider is paired with the ledger.',
    snapshot.providers.map((p) => ['byte8_provider_connected', { provider: p.provider }, p.connected ? 1 : 0]),
  );
  family(
    'byte8_outbox_rows',
    'gauge',
    'Outbox rows by provider and status.',
    snapshot.outbox.map((r) => ['byte8_outbox_rows', { provider: r.provider, status: r.status }, r.count]),
  );
  family(
    'byte8_outbox_oldest_pending_age_seconds',
    'gauge',
    'Age of the oldest pending outbox row.',
    snapshot.oldestPendingAgeSeconds
      .filter((r) => r.seconds !== null)
      .map((r) => ['byte8_outbox_oldest_pending_age_seconds', { provider: r.provider }, r.seconds!]),
  );
  family(
    'byte8_outbox_dead_letters',
    'gauge',
    'Dead-lettered outbox rows waiting for an operator.',
    snapshot.deadLetters.map((r) => ['byte8_outbox_dead_letters', { provider: r.provider }, r.count]),
  );
  family(
    'byte8_deliveries_total',
    'counter',
    'Delivery attempts by outcome (this process).',
    snapshot.deliveries.map((d) => ['byte8_deliveries_total', { provider: d.provider, outcome: d.outcome }, d.count]),
  );
  family(
    'byte8_delivery_latency_seconds',
    'histogram',
    'HTTP time of delivery attempts (this process).',
    snapshot.latency.flatMap((h) => [
      ...h.buckets.map(
        (b): [string, Labels, number] => [
          'byte8_delivery_latency_seconds_bucket',
          { provider: h.provider, le: b.leMs === Number.POSITIVE_INFINITY ? '+Inf' : formatNumber(b.leMs / 1000) },
          b.count,
        ],
      ),
      ['byte8_delivery_latency_seconds_sum', { provider: h.provider }, h.sumMs / 1000] as [string, Labels, number],
      ['byte8_delivery_latency_seconds_count', { provider: h.provider }, h.count] as [string, Labels, number],
    ]),
  );
  family(
    'byte8_reconciliation_lag_seconds',
    'gauge',
    'Time since the reconciliation watermark.',
    snapshot.reconciliationLag
      .filter((r) => r.seconds !== null)
      .map((r) => ['byte8_reconciliation_lag_seconds', { provider: r.provider, entity_type: r.entityType }, r.seconds!]),
  );
  return `${out.join('\n')}\n`;
}
