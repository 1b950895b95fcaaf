import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `order.return_received` -> a credit memo for the returned goods. */
export default async function handler({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>): Promise<void> {
  const { order_id: orderId, return_id: returnId } = event.data;
  await enqueueFromEvent(container, { name: event.name, id: returnId }, (changes) => changes.returnReceived(orderId, returnId));
}

export const config: SubscriberConfig = {
  event: MEDUSA_EVENTS.orderReturnReceived,
  context: { subscriberId: 'byte8-order-return-received' },
};
