import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `payment.refunded` -> a credit memo for each new refund of the payment. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await enqueueFromEvent(container, { name: event.name, id: event.data.id }, (changes) => changes.paymentRefunded(event.data.id));
}

export const config: SubscriberConfig = {
  event: MEDUSA_EVENTS.paymentRefunded,
  context: { subscriberId: 'byte8-payment-refunded' },
};
