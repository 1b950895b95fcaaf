import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `order.canceled` -> the invoice is cancelled (the provider decides whether to send). */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await enqueueFromEvent(container, { name: event.name, id: event.data.id }, (changes) => changes.orderCanceled(event.data.id));
}

export const config: SubscriberConfig = {
  event: MEDUSA_EVENTS.orderCanceled,
  context: { subscriberId: 'byte8-order-canceled' },
};
