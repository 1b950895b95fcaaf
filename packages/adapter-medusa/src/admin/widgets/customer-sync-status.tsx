import { defineWidgetConfig } from '@medusajs/admin-sdk';
import type { AdminCustomer, DetailWidgetProps } from '@medusajs/framework/types';
import { Container, Heading } from '@medusajs/ui';
import { SyncStatusList } from '../lib/sync-status-list';

/** Accounting status of the customer's contact. */
const CustomerSyncStatus = ({ data }: DetailWidgetProps<AdminCustomer>) => (
  <Container className="flex flex-col gap-y-3 px-6 py-4">
    <Heading level="h2">Accounting sync</Heading>
    <SyncStatusList path={`/customers/${data.id}`} pick={(body) => body.statuses} />
  </Container>
);

export const config = defineWidgetConfig({ zone: 'customer.details.side.after' });
export default CustomerSyncStatus;
