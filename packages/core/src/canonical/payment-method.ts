import { z } from 'zod';

/** One element of `GET /V1/byte8/payment-methods` (§7.3); `label` stays `null` on the wire. */
export const paymentMethodSchema = z.object({
  code: z.string().min(1),
  label: z.string().nullable(),
  is_active: z.boolean(),
});
export type PaymentMethod = z.input<typeof paymentMethodSchema>;
export const paymentMethodListSchema = z.array(paymentMethodSchema);
