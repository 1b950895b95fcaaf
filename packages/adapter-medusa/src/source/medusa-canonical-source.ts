import type {
  CanonicalSource,
  ChangedEntity,
  ChangedSinceQuery,
  Contact,
  CreditMemo,
  EntityRefStore,
  EntityType,
  Invoice,
  Payment,
  PaymentMethod,
  Product,
} from '@byte8/core';
import type { GraphOrder } from '../mapping/graph-types.js';
import { enrichWithOrder, isRegistered, toGuestContact, toProfileContact } from '../mapping/to-contact.js';
import { refundToCreditMemo } from '../mapping/to-credit-memo.js';
import { toInvoice } from '../mapping/to-invoice.js';
import { toPayment } from '../mapping/to-payment.js';
import { toProduct } from '../mapping/to-product.js';
import { orderRefunds } from '../mapping/order-payments.js';
import { ENTITY_KINDS } from './entity-kinds.js';
import type { MedusaReader } from './medusa-reader.js';

export interface MedusaSourceSettings {
  readonly websiteId: number;
  readonly storeId: number;
  readonly priceCurrency?: string | undefined;
}

/** query.graph entity, and filters, listed by `changedSince` for each mirror entity type. */
const CHANGE_FEEDS: Record<EntityType, { entity: string; extra?: Record<string, unknown> }> = {
  invoice: { entity: 'order' },
  creditmemo: { entity: 'refund' },
  customer: { entity: 'customer', extra: { has_account: true } },
  product: { entity: 'product_variant' },
};

/**
 * The host's data in the contract's shapes (the `CanonicalSource` port),
 * read from Medusa with `query.graph`. Medusa's string ids become stable wire
 * integers through the `EntityRefStore`; unknown wire ids are 404s (null).
 */
export class MedusaCanonicalSource implements CanonicalSource {
  readonly #reader: MedusaReader;
  readonly #refs: EntityRefStore;
  readonly #settings: MedusaSourceSettings;

  constructor(reader: MedusaReader, refs: EntityRefStore, settings: MedusaSourceSettings) {
    this.#reader = reader;
    this.#refs = refs;
    this.#settings = settings;
  }

  async invoice(id: number): Promise<Invoice | null> {
    const order = await this.#orderOfInvoice(id);
    if (!order) return null;
    const customer = await this.#orderContact(order, true);
    return toInvoice(order, customer, { invoiceId: id, websiteId: this.#settings.websiteId, storeId: this.#settings.storeId });
  }

  async creditMemo(id: number): Promise<CreditMemo | null> {
    const hostId = await this.#refs.hostIdOf(ENTITY_KINDS.creditmemo, id);
    if (!hostId) return null;
    const orderId = await this.#reader.orderIdOfRefund(hostId);
    const order = orderId ? await this.#reader.order(orderId) : null;
    const refund = order ? orderRefunds(order).find((r) => r.id === hostId) : undefined;
    if (!order || !refund) return null;
    return refundToCreditMemo(order, refund, await this.#orderContact(order, false), await this.#memoIds(order, id));
  }

  async customer(id: number): Promise<Contact | null> {
    const hostId = await this.#refs.hostIdOf(ENTITY_KINDS.customer, id);
    const customer = hostId ? await this.#reader.customer(hostId) : null;
    if (!customer) return null;
    const hasAddress = (customer.addresses ?? []).some((a) => a.is_default_billing || a.is_default_shipping);
    const latest = hasAddress ? null : await this.#reader.latestOrderOf(customer.id);
    return toProfileContact(customer, id, this.#settings.websiteId, latest);
  }

  async product(id: number): Promise<Product | null> {
    const hostId = await this.#refs.hostIdOf(ENTITY_KINDS.product, id);
    const variant = hostId ? await this.#reader.variant(hostId) : null;
    if (!variant) return null;
    return toProduct(variant, { productId: id, websiteId: this.#settings.websiteId, priceCurrency: this.#settings.priceCurrency });
  }

  async payment(invoiceId: number): Promise<Payment | null> {
    const order = await this.#orderOfInvoice(invoiceId);
    return order ? toPayment(order, invoiceId) : null;
  }

  async paymentMethods(): Promise<PaymentMethod[]> {
    const providers = await this.#reader.paymentProviders();
    return providers.map((provider) => ({ code: provider.id, label: null, is_active: Boolean(provider.is_enabled) }));
  }

  async changedSince(query: ChangedSinceQuery): Promise<ChangedEntity[]> {
    const feed = CHANGE_FEEDS[query.entityType];
    const kind = ENTITY_KINDS[query.entityType];
    const found: ChangedEntity[] = [];
    const page = Math.max(query.limit, 50);
    // Aliases are not ordered like Medusa ids, so page by time and order by (changedAt, alias) here.
    for (let skip = 0; ; skip += page) {
      const rows = await this.#reader.changed(feed.entity, query.since, query.until, page, skip, feed.extra);
      for (const row of rows) {
        const changedAt = new Date(row.updated_at);
        const id = await this.#refs.aliasOf(kind, row.id);
        const after = changedAt.getTime() > query.since.getTime() || (query.afterId !== undefined && id > query.afterId);
        if (after) found.push({ id, changedAt });
      }
      if (rows.length < page || found.length >= query.limit * 4) break;
    }
    found.sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.id - b.id);
    return found.slice(0, query.limit);
  }

  /** The Medusa order behind an admin page. */
  orderById(orderId: string): Promise<GraphOrder | null> {
    return this.#reader.order(orderId);
  }

  /** A product's variants with a label each, for the product widget. */
  async variantsOfProduct(productId: string): Promise<Array<{ id: string; label: string }>> {
    const variants = await Promise.all((await this.#reader.variantIdsOfProduct(productId)).map((id) => this.#reader.variant(id)));
    return variants.flatMap((v) => (v ? [{ id: v.id, label: v.sku ?? v.title ?? v.id }] : []));
  }

  async #orderOfInvoice(id: number): Promise<GraphOrder | null> {
    const hostId = await this.#refs.hostIdOf(ENTITY_KINDS.invoice, id);
    return hostId ? this.#reader.order(hostId) : null;
  }

  async #memoIds(order: GraphOrder, creditMemoId: number) {
    const invoiceId = await this.#refs.aliasOf(ENTITY_KINDS.invoice, order.id);
    return { creditMemoId, invoiceId, websiteId: this.#settings.websiteId };
  }

  /** Registered customers are profiles (enriched on invoices); guests are built from the order. */
  async #orderContact(order: GraphOrder, enrich: boolean): Promise<Contact> {
    if (!isRegistered(order.customer)) return toGuestContact(order);
    const wireId = await this.#refs.aliasOf(ENTITY_KINDS.customer, order.customer.id);
    const contact = toProfileContact(order.customer, wireId, this.#settings.websiteId);
    return enrich ? enrichWithOrder(contact, order) : contact;
  }
}
