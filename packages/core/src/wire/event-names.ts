import { z } from 'zod';
import type { EntityType } from '../sync/entity-types.js';

/** The five wire events a host sends to the ledger (wire-contract §6.1). */
export const WIRE_EVENTS = [
  'invoice.created',
  'invoice.paid',
  'creditmemo.created',
  'customer.upserted',
  'product.upserted',
] as const;
export const wireEventNameSchema = z.enum(WIRE_EVENTS);
export type WireEventName = z.infer<typeof wireEventNameSchema>;

/** Upsert events may fire again after delivery; they get versioned keys (design §5). */
export const UPSERT_EVENTS: readonly WireEventName[] = ['customer.upserted', 'product.upserted'];

export function isUpsertEvent(event: string): boolean {
  return (UPSERT_EVENTS as readonly string[]).includes(event);
}

/**
 * The mirror entity type of an event: the name's prefix before the first dot
 * (wire-contract §6.3 step 4), or null for anything else.
 */
export function entityTypeOfEvent(event: string): EntityType | null {
  const prefix = event.split('.', 1)[0];
  switch (prefix) {
    case 'invoice':
    case 'creditmemo':
    case 'customer':
    case 'product':
      return prefix;
    default:
      return null;
  }
}
