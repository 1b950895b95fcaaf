import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `payment.captured` -> invoice paid once fully captured. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await enqueueFromEvent(container, { name: event.name, id: event.data.id }, (changes) => changes.paymentCaptured(event.data.id));
}

export const config: SubscriberConfig = {
  event: MEDUSA_EVENTS.paymentCaptured,
  context: { subscriberId: 'byte8-payment-captured' },
};
