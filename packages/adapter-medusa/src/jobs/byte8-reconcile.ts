import type { MedusaContainer } from '@medusajs/framework/types';
import { byte8Service, resolveConnector } from '../medusa/resolve-connector.js';

/**
 * The safety net for Medusa's at-most-once local event bus: the client's
 * reconciliation sweep walks `changedSince` (orders, refunds, registered
 * customers, variants) from its watermark and enqueues what no outbox row or
 * mirror row knows, e.g. an order whose `order.placed` was lost.
 */
export default async function reconcile(container: MedusaContainer): Promise<void> {
  if (!byte8Service(container).options.reconciliation.enabled) return;
  const { connector } = await resolveConnector(container);
  await connector.reconciler.runOnce();
}

export const config = {
  name: 'byte8-reconcile',
  schedule: '*/15 * * * *',
};
