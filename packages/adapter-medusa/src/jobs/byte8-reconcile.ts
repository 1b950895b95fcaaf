import type { MedusaContainer } from '@medusajs/framework/types';
import { byte8Service, resolveConnector } from '../medusa/resolve-connector.js';
import { reconcileRecent } from '../reconcile/reconcile-recent.js';

/** Re-offers recent orders, refunds, customers and variants whose events Medusa's bus lost. */
export default async function reconcile(container: MedusaContainer): Promise<void> {
  if (!byte8Service(container).options.reconciliation.enabled) return;
  const medusa = await resolveConnector(container);
  await reconcileRecent(medusa, new Date());
}

export const config = {
  name: 'byte8-reconcile',
  schedule: '*/15 * * * *',
};
