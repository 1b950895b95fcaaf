import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `order.placed` -> invoice created (and paid when already captured). */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await enqueueFromEvent(container, { name: event.name, id: event.data.id }, (changes) => changes.orderPlaced(event.data.id));
}

export const config: SubscriberConfig = {
  event: MEDUSA_EVENTS.orderPlaced,
  context: { subscriberId: 'byte8-order-placed' },
};
