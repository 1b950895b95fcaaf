import { z } from 'zod';
import { money, optionalString, requiredTimestamp, wireId } from './primitives.js';

/**
 * Payment of an invoice (wire-contract §8.6); `magento_id` is the invoice id.
 * `gateway_metadata` arrives as a list of values: Magento drops the keys.
 */
export const paymentSchema = z.object({
  magento_id: wireId,
  invoice_id: wireId,
  invoice_increment_id: z.string(),
  method: z.string(),
  currency: z.string().length(3),
  amount: money,
  captured_at: requiredTimestamp,
  gateway_txn_id: optionalString,
  gateway_metadata: z.array(z.unknown()),
});
export type Payment = z.input<typeof paymentSchema>;
