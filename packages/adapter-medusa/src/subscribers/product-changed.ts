import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `product.created` / `product.updated` -> product upsert for every variant. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await enqueueFromEvent(container, { name: event.name, id: event.data.id }, (changes) => changes.productChanged(event.data.id));
}

export const config: SubscriberConfig = {
  event: [MEDUSA_EVENTS.productCreated, MEDUSA_EVENTS.productUpdated],
  context: { subscriberId: 'byte8-product-changed' },
};
