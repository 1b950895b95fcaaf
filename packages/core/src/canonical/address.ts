import { z } from 'zod';
import { optionalString } from './primitives.js';

/** Address (wire-contract §8.4). */
export const addressSchema = z.object({
  kind: z.enum(['billing', 'shipping']),
  street: z.array(z.string()),
  city: z.string(),
  region: optionalString,
  postcode: optionalString,
  country_id: z.string().length(2),
  telephone: optionalString,
});
export type Address = z.input<typeof addressSchema>;
