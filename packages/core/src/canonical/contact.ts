import { z } from 'zod';
import { addressSchema } from './address.js';
import { optionalString, optionalTimestamp, wireId } from './primitives.js';

/** Contact (wire-contract §8.3). `magento_id` 0 is a synthetic guest built from an order. */
export const contactSchema = z.object({
  magento_id: wireId,
  email: z.string(),
  first_name: optionalString,
  last_name: optionalString,
  company: optionalString,
  phone: optionalString,
  website_id: wireId,
  group_id: wireId.nullish(),
  addresses: z.array(addressSchema),
  created_at: optionalTimestamp,
  updated_at: optionalTimestamp,
});
export type Contact = z.input<typeof contactSchema>;
