import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `inventory-level.updated` -> stock upsert of the variants the item stocks. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await enqueueFromEvent(container, { name: event.name, id: event.data.id }, (changes) => changes.inventoryLevelChanged(event.data.id));
}

export const config: SubscriberConfig = {
  event: MEDUSA_EVENTS.inventoryLevelUpdated,
  context: { subscriberId: 'byte8-inventory-level-updated' },
};
