import type { CanonicalSource, ChangedEntity, CreditMemo, Contact, HostHooks, Invoice, Product } from '@byte8/core';
import { contactFixture, creditMemoFixture, invoiceFixture, paymentFixture, paymentMethodFixture, productFixture } from '@byte8/testkit';

/**
 * A host's data in memory, built from the testkit fixtures: invoice 42,
 * credit memo 7, customer 5, product 9. Tests add or change entities before
 * saving them, as a host would.
 */
export class FixtureHost implements CanonicalSource {
  readonly invoices = new Map<number, Invoice>([[42, invoiceFixture({ state: 'paid' })]]);
  readonly creditMemos = new Map<number, CreditMemo>([[7, creditMemoFixture()]]);
  readonly customers = new Map<number, Contact>([[5, contactFixture()]]);
  readonly products = new Map<number, Product>([[9, productFixture()]]);

  async invoice(id: number) {
    return this.invoices.get(id) ?? null;
  }
  async creditMemo(id: number) {
    return this.creditMemos.get(id) ?? null;
  }
  async customer(id: number) {
    return this.customers.get(id) ?? null;
  }
  async product(id: number) {
    return this.products.get(id) ?? null;
  }
  async payment(invoiceId: number) {
    const invoice = this.invoices.get(invoiceId);
    return invoice ? paymentFixture({ magento_id: invoiceId, invoice_id: invoiceId, invoice_increment_id: invoice.increment_id }) : null;
  }
  async paymentMethods() {
    return [paymentMethodFixture()];
  }
  async changedSince(): Promise<ChangedEntity[]> {
    // Reconciliation is not under test here; an empty feed keeps it quiet.
    return [];
  }
}

/**
 * Saves each fixture entity once through the hooks, as a host would: invoice 42
 * inserted already paid (capture online: created and paid on one save), credit
 * memo 7, customer 5, product 9 and then its stock (which collapses into the
 * pending product event where the provider syncs products).
 */
export async function saveEachFixtureEntity(hooks: HostHooks): Promise<void> {
  await hooks.invoiceSaved({ before: null, after: { id: 42, incrementId: '000000042', state: 'paid', websiteId: 1, storeId: 1 } });
  await hooks.creditMemoSaved({ before: null, after: { id: 7, incrementId: '000000007', websiteId: 1, storeId: 1 } });
  await hooks.customerSaved({ after: { id: 5, websiteId: 1 } });
  await hooks.productSaved({ after: { id: 9 } });
  await hooks.stockSaved({ productId: 9 });
}
