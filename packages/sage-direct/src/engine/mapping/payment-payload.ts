import type { Payment } from '@byte8/core';
import type { SagePolicy } from '../policy/sage-policy.js';
import { fit, round2, sageDate } from './text-fields.js';

/**
 * (b.3) where a payment goes, first match: a mapped bank account; an
 * explicit null (never post); the default bank account; nothing. Null means
 * "not posted" (`payment_method_not_mapped`).
 */
export function bankAccountFor(policy: SagePolicy, method: string | null | undefined): string | null {
  const map = policy.paymentMethodMap;
  if (method && Object.hasOwn(map, method)) return map[method] ?? null;
  return policy.defaultBankAccountId;
}

/**
 * `POST /contact_payments` (a.3, c.6): a `CUSTOMER_RECEIPT` into the bank
 * account, in the invoice's currency at the invoice's rate (b.3, b.6),
 * allocated to the invoice up to what it has outstanding; the rest is a
 * payment on account.
 */
export function paymentPayload(input: {
  readonly payment: Payment;
  readonly contactId: string;
  readonly invoiceId: string;
  readonly bankAccountId: string;
  readonly reference: string;
  readonly currency: string;
  readonly exchangeRate: number | null;
  readonly allocate: number;
  readonly now: Date;
}) {
  const total = round2(input.payment.amount);
  const allocate = round2(Math.min(total, input.allocate));
  return {
    contact_payment: {
      transaction_type_id: 'CUSTOMER_RECEIPT',
      contact_id: input.contactId,
      bank_account_id: input.bankAccountId,
      date: sageDate(input.payment.captured_at, input.now),
      total_amount: total,
      currency_id: input.currency,
      ...(input.exchangeRate !== null ? { exchange_rate: input.exchangeRate } : {}),
      reference: fit(input.reference, 25),
      ...(allocate > 0 ? { allocated_artefacts: [{ artefact_id: input.invoiceId, amount: allocate }] } : {}),
    },
  };
}
