import type { CanonicalSource, ChangedEntity, ChangedSinceQuery } from '@byte8/core';
import { contactFixture, creditMemoFixture, invoiceFixture, paymentFixture, paymentMethodFixture, productFixture } from '@byte8/testkit';

/**
 * A host's data made from the testkit fixtures: every id exists. `changes`
 * feeds `changedSince` (reconciliation); by default nothing changed.
 */
export function shopSource(changes: (query: ChangedSinceQuery) => Promise<ChangedEntity[]> = async () => []): CanonicalSource {
  return {
    invoice: async (id) => invoiceFixture({ magento_id: id, increment_id: String(id).padStart(9, '0') }),
    creditMemo: async (id) => creditMemoFixture({ magento_id: id, increment_id: `CM${id}` }),
    customer: async (id) => contactFixture({ magento_id: id }),
    product: async (id) => productFixture({ magento_id: id }),
    payment: async (id) => paymentFixture({ magento_id: id, invoice_id: id }),
    paymentMethods: async () => [paymentMethodFixture()],
    changedSince: changes,
  };
}
