import { z } from 'zod';
import { addressSchema } from './address.js';
import { contactSchema } from './contact.js';
import { invoiceLineSchema } from './invoice-line.js';
import { money, optionalMoney, optionalString, requiredTimestamp, wireId } from './primitives.js';

/** Invoice states on the wire; note the double "l" (wire-contract §8.1). */
export const INVOICE_STATES = ['open', 'paid', 'cancelled'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** Invoice (wire-contract §8.1). */
export const invoiceSchema = z.object({
  magento_id: wireId,
  increment_id: z.string(),
  order_id: wireId,
  order_increment_id: z.string(),
  website_id: wireId,
  store_id: wireId,
  currency: z.string().length(3),
  state: z.enum(INVOICE_STATES),
  customer: contactSchema,
  lines: z.array(invoiceLineSchema),
  subtotal: money,
  tax_amount: money,
  shipping_amount: money,
  shipping_tax_amount: money,
  discount_amount: money,
  grand_total: money,
  created_at: requiredTimestamp,
  payment_method: optionalString,
  billing_address: addressSchema.nullish(),
  shipping_address: addressSchema.nullish(),
  po_number: optionalString,
  base_to_order_rate: optionalMoney,
});
export type Invoice = z.input<typeof invoiceSchema>;
