import type { SubscriberArgs, SubscriberConfig } from '@medusajs/framework';
import { MEDUSA_EVENTS } from '../medusa/medusa-events.js';
import { enqueueFromEvent } from '../medusa/enqueue-from-event.js';

/** `product-variant.updated` -> product upsert of the variant. */
export default async function handler({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  await enqueueFromEvent(container, { name: event.name, id: event.data.id }, (changes) => changes.variantChanged(event.data.id));
}

export const config: SubscriberConfig = {
  event: MEDUSA_EVENTS.variantUpdated,
  context: { subscriberId: 'byte8-variant-updated' },
};
