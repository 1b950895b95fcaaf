import type { MedusaContainer } from '@medusajs/framework/types';
import { resolveConnector } from '../medusa/resolve-connector.js';
import { reconcileRecent } from '../reconcile/reconcile-recent.js';

/** Re-offers recent orders, refunds, customers and variants whose events Medusa's bus lost. */
export default async function reconcile(container: MedusaContainer): Promise<void> {
  const medusa = await resolveConnector(container);
  if (!medusa.options.reconciliation.enabled) return;
  await reconcileRecent(medusa, new Date());
}

export const config = {
  name: 'byte8-reconcile',
  schedule: '*/15 * * * *',
};
