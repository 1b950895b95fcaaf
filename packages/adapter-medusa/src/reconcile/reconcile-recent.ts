import type { EntityType, WireEventName } from '@byte8/core';
import type { MedusaConnector } from '../connector/create-medusa-connector.js';
import { ENTITY_KINDS } from '../source/entity-kinds.js';

export interface ReconcileResult {
  /** Entities found unknown to the outbox and offered to the hooks again. */
  readonly offered: number;
}

/** The event whose absence from the outbox means the entity's change was lost. */
const FIRST_EVENT: Record<EntityType, WireEventName> = {
  invoice: 'invoice.created',
  creditmemo: 'creditmemo.created',
  customer: 'customer.upserted',
  product: 'product.upserted',
};

/**
 * The safety net for Medusa's at-most-once local event bus: lists what
 * changed in the look-back window and re-offers to the hooks every entity
 * whose first event no provider's outbox knows (or a paid order whose
 * `invoice.paid` is unknown). Outbox keys make re-offering harmless.
 */
export async function reconcileRecent(medusa: MedusaConnector, now: Date): Promise<ReconcileResult> {
  const { connector, source, changes, options } = medusa;
  const refs = connector.storage.entityRefs;
  const outbox = connector.storage.outbox;
  const since = new Date(now.getTime() - options.reconciliation.lookbackMinutes * 60_000);
  const knownByAll = async (event: string, id: number) => {
    for (const provider of connector.providers) if (!(await outbox.knows(provider.key, event, id))) return false;
    return true;
  };
  let offered = 0;
  for (const entityType of ['invoice', 'creditmemo', 'customer', 'product'] as const) {
    const changed = await source.changedSince({ entityType, since, until: now, limit: options.reconciliation.batchSize });
    for (const { id } of changed) {
      const hostId = await refs.hostIdOf(ENTITY_KINDS[entityType], id);
      if (!hostId) continue;
      let missing = !(await knownByAll(FIRST_EVENT[entityType], id));
      if (!missing && entityType === 'invoice') {
        const invoice = await source.invoice(id);
        missing = invoice?.state === 'paid' && !(await knownByAll('invoice.paid', id));
      }
      if (!missing) continue;
      offered += 1;
      await offer(changes, entityType, hostId, medusa);
    }
  }
  return { offered };
}

async function offer(changes: MedusaConnector['changes'], entityType: EntityType, hostId: string, medusa: MedusaConnector): Promise<void> {
  switch (entityType) {
    case 'invoice':
      // The insert edge again: fires created, and paid when the order is paid; known keys drop out.
      await changes.orderPlaced(hostId);
      return;
    case 'creditmemo': {
      const order = await medusa.source.orderOfRefund(hostId);
      if (order) await changes.refundsOf(order);
      return;
    }
    case 'customer':
      await changes.customerChanged(hostId);
      return;
    case 'product':
      await changes.variantChanged(hostId);
      return;
  }
}
