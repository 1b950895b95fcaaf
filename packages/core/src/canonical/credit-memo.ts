import { z } from 'zod';
import { contactSchema } from './contact.js';
import { invoiceLineSchema } from './invoice-line.js';
import { money, optionalMoney, optionalString, optionalTimestamp, requiredTimestamp, wireId } from './primitives.js';

/** Credit memo (wire-contract §8.5). `invoice_id` is absent for refunds made from the order. */
export const creditMemoSchema = z.object({
  magento_id: wireId,
  increment_id: z.string(),
  invoice_id: wireId.nullish(),
  invoice_increment_id: optionalString,
  website_id: wireId,
  currency: z.string().length(3),
  customer: contactSchema,
  lines: z.array(invoiceLineSchema),
  adjustment_positive: money,
  adjustment_negative: money,
  grand_total: money,
  shipping_amount: money,
  shipping_tax_amount: money,
  reason: optionalString,
  created_at: requiredTimestamp,
  invoice_created_at: optionalTimestamp,
  base_to_order_rate: optionalMoney,
});
export type CreditMemo = z.input<typeof creditMemoSchema>;
