import type { DashboardFiguresView } from '@byte8/core';
import { Text } from '@medusajs/ui';
import { ActivityChart } from './activity-chart';

/** `DashboardFiguresView` as JSON brings it: dates as strings. */
export type Figures = Omit<DashboardFiguresView, 'hours' | 'lastDeliveredAt'> & {
  readonly hours: ReadonlyArray<{ readonly hourStart: string; readonly delivered: number; readonly failed: number }>;
};

/** What a bookkeeper reads for one provider (`GET /admin/byte8/figures`). */
export function ProviderFigures({ figures }: { figures: Figures }) {
  const items: Array<[string, string | number]> = [
    ['Delivered today', figures.deliveredToday],
    ['Pending', figures.pending],
    ['Failed in 24 h', figures.failed24h],
    ['Oldest pending', figures.oldestPending],
    ['Last successful delivery', figures.lastDelivery],
  ];
  return (
    <div className="flex flex-col gap-y-2">
      <dl className="flex flex-wrap gap-x-6 gap-y-2">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {label}
              </Text>
            </dt>
            <dd>
              <Text weight="plus">{value}</Text>
            </dd>
          </div>
        ))}
      </dl>
      {figures.failed24h > 0 && (
        <Text size="xsmall">
          {figures.failedAtLedger24h} still failing at the ledger, {figures.refused24h} refused on delivery.
        </Text>
      )}
      <ActivityChart hours={figures.hours} />
      {figures.worker && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          This process’s worker since it started: {figures.worker.attempts} delivery attempts ({figures.worker.succeeded} accepted, {figures.worker.retried} to retry,{' '}
          {figures.worker.deadLettered} refused){figures.worker.averageLatencyMs === null ? '' : `, ${figures.worker.averageLatencyMs} ms on average`}.
        </Text>
      )}
    </div>
  );
}
