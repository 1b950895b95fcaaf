import { defineWidgetConfig } from '@medusajs/admin-sdk';
import type { AdminOrder, DetailWidgetProps } from '@medusajs/framework/types';
import { Container, Heading } from '@medusajs/ui';
import { SyncStatusList } from '../lib/sync-status-list';

/** Accounting status of the order's invoice, its payment and its credit memos. */
const OrderSyncStatus = ({ data }: DetailWidgetProps<AdminOrder>) => (
  <Container className="flex flex-col gap-y-3 px-6 py-4">
    <Heading level="h2">Accounting sync</Heading>
    <SyncStatusList
      path={`/orders/${data.id}`}
      pick={(body) => [...body.invoice, ...body.payments, ...body.creditMemos].filter((g: { documents: unknown[] }) => g.documents.length > 0)}
    />
  </Container>
);

export const config = defineWidgetConfig({ zone: 'order.details.side.after' });
export default OrderSyncStatus;
