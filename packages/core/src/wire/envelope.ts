import { z } from 'zod';
import type { WireEventName } from './event-names.js';
import { phpJsonEncode } from './php-json.js';
import { WIRE_TIMESTAMP_PATTERN } from './timestamps.js';

/** The webhook body (wire-contract §6.2): exactly these members, in this order. */
export const envelopeSchema = z
  .object({
    magento_entity_id: z.number().int().positive(),
    website_id: z.number().int().nonnegative(),
    store_id: z.number().int().nonnegative(),
    occurred_at: z.string().regex(WIRE_TIMESTAMP_PATTERN, 'occurred_at must be YYYY-MM-DDTHH:MM:SSZ'),
    payload: z.record(z.string(), z.unknown()),
  })
  .strict();
export type Envelope = z.infer<typeof envelopeSchema>;

/** Payloads per event (wire-contract §6.1). */
export const invoiceCreatedPayloadSchema = z.object({ increment_id: z.string(), paid: z.boolean() }).strict();
export const incrementIdPayloadSchema = z.object({ increment_id: z.string() }).strict();
export const emptyPayloadSchema = z.object({}).strict();

/** The payload schema of each wire event (wire-contract §6.1). */
export const WIRE_PAYLOAD_SCHEMAS: Readonly<Record<WireEventName, z.ZodType<Readonly<Record<string, unknown>>>>> = Object.freeze({
  'invoice.created': invoiceCreatedPayloadSchema,
  'invoice.paid': incrementIdPayloadSchema,
  'creditmemo.created': incrementIdPayloadSchema,
  'customer.upserted': emptyPayloadSchema,
  'product.upserted': emptyPayloadSchema,
});

/**
 * Serialises an envelope to the exact bytes stored in the outbox and sent on
 * every attempt. Members are written in contract order whatever the input order.
 */
export function serializeEnvelope(envelope: Envelope): string {
  const valid = envelopeSchema.parse(envelope);
  return phpJsonEncode({
    magento_entity_id: valid.magento_entity_id,
    website_id: valid.website_id,
    store_id: valid.store_id,
    occurred_at: valid.occurred_at,
    payload: valid.payload,
  });
}
