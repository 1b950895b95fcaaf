import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `customer.created` / `customer.updated` -> customer upsert. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await enqueueFromEvent(container, { name: event.name, id: event.data.id }, (changes) => changes.customerChanged(event.data.id));
}

export const config: SubscriberConfig = {
  event: [MEDUSA_EVENTS.customerCreated, MEDUSA_EVENTS.customerUpdated],
  context: { subscriberId: 'byte8-customer-changed' },
};
