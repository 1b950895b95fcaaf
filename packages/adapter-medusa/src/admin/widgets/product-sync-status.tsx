import { defineWidgetConfig } from '@medusajs/admin-sdk';
import type { AdminProduct, DetailWidgetProps } from '@medusajs/framework/types';
import { Container, Heading } from '@medusajs/ui';
import { SyncStatusList } from '../lib/sync-status-list';

/** Accounting status of each variant (each is one product in the ledger). */
const ProductSyncStatus = ({ data }: DetailWidgetProps<AdminProduct>) => (
  <Container className="flex flex-col gap-y-3 px-6 py-4">
    <Heading level="h2">Accounting sync</Heading>
    <SyncStatusList path={`/products/${data.id}`} pick={(body) => body.statuses} />
  </Container>
);

export const config = defineWidgetConfig({ zone: 'product.details.side.after' });
export default ProductSyncStatus;
