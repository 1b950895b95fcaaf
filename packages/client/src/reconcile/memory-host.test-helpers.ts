import type { CanonicalSource, ChangedEntity, ChangedSinceQuery, Contact, CreditMemo, EntityType, Invoice, Product } from '@byte8/core';
import { contactFixture, creditMemoFixture, invoiceFixture, productFixture } from '@byte8/testkit';

type Entity = Invoice | CreditMemo | Contact | Product;

/** A host's data in memory, with the change times `changedSince` pages over. */
export class MemoryHost implements CanonicalSource {
  readonly #rows = new Map<EntityType, Map<number, { entity: Entity; changedAt: Date }>>();

  #table(type: EntityType) {
    const table = this.#rows.get(type) ?? new Map<number, { entity: Entity; changedAt: Date }>();
    this.#rows.set(type, table);
    return table;
  }

  saveInvoice(id: number, state: Invoice['state'], changedAt: Date): Invoice {
    const invoice = invoiceFixture({ magento_id: id, increment_id: String(id).padStart(9, '0'), state });
    this.#table('invoice').set(id, { entity: invoice, changedAt });
    return invoice;
  }

  saveCreditMemo(id: number, changedAt: Date): void {
    this.#table('creditmemo').set(id, { entity: creditMemoFixture({ magento_id: id, increment_id: `CM${id}` }), changedAt });
  }

  saveCustomer(id: number, changedAt: Date): void {
    this.#table('customer').set(id, { entity: contactFixture({ magento_id: id, website_id: 2 }), changedAt });
  }

  saveProduct(id: number, changedAt: Date): void {
    this.#table('product').set(id, { entity: productFixture({ magento_id: id }), changedAt });
  }

  async invoice(id: number) {
    return (this.#table('invoice').get(id)?.entity as Invoice | undefined) ?? null;
  }
  async creditMemo(id: number) {
    return (this.#table('creditmemo').get(id)?.entity as CreditMemo | undefined) ?? null;
  }
  async customer(id: number) {
    return (this.#table('customer').get(id)?.entity as Contact | undefined) ?? null;
  }
  async product(id: number) {
    return (this.#table('product').get(id)?.entity as Product | undefined) ?? null;
  }
  async payment() {
    return null;
  }
  async paymentMethods() {
    return [];
  }

  #window(query: Omit<ChangedSinceQuery, 'limit'>): ChangedEntity[] {
    const since = query.since.getTime();
    // Exclusive on `since`; `afterId` (when given) admits later ids of the same instant.
    const afterId = query.afterId ?? Number.POSITIVE_INFINITY;
    return [...this.#table(query.entityType).entries()]
      .map(([id, row]) => ({ id, changedAt: row.changedAt }))
      .filter((e) => {
        const t = e.changedAt.getTime();
        return (t > since || (t === since && e.id > afterId)) && (!query.until || t <= query.until.getTime());
      })
      .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.id - b.id);
  }

  async changedSince(query: ChangedSinceQuery) {
    return this.#window(query).slice(0, query.limit);
  }

  async countChangedSince(query: Omit<ChangedSinceQuery, 'limit' | 'afterId'>) {
    return this.#window(query).length;
  }
}
