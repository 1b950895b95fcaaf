import type { CanonicalSource, ChangedEntity, CreditMemo, Contact, Invoice, Product } from '@byte8/core';
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
