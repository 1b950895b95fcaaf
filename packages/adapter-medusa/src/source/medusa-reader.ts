import type { GraphCustomer, GraphOrder, GraphVariant } from '../mapping/graph-types.js';
import type { GraphQuery } from './graph-query.js';
import { CUSTOMER_FIELDS, ORDER_FIELDS, VARIANT_FIELDS } from './graph-fields.js';

/**
 * Reads the Medusa records behind the canonical entities through
 * `query.graph`, crossing module links (order -> payment collections,
 * payment -> order, variant -> inventory).
 */
export class MedusaReader {
  readonly #query: GraphQuery;

  constructor(query: GraphQuery) {
    this.#query = query;
  }

  async order(id: string): Promise<GraphOrder | null> {
    const { data } = await this.#query.graph({ entity: 'order', fields: ORDER_FIELDS, filters: { id } });
    return (data[0] as GraphOrder | undefined) ?? null;
  }

  /** The order a payment belongs to. */
  async orderIdOfPayment(paymentId: string): Promise<string | null> {
    const { data } = await this.#query.graph({ entity: 'payment', fields: ['id', 'payment_collection.order.id'], filters: { id: paymentId } });
    return data[0]?.payment_collection?.order?.id ?? null;
  }

  /** The order a refund belongs to. */
  async orderIdOfRefund(refundId: string): Promise<string | null> {
    const { data } = await this.#query.graph({ entity: 'refund', fields: ['id', 'payment.payment_collection.order.id'], filters: { id: refundId } });
    return data[0]?.payment?.payment_collection?.order?.id ?? null;
  }

  async customer(id: string): Promise<GraphCustomer | null> {
    const { data } = await this.#query.graph({ entity: 'customer', fields: CUSTOMER_FIELDS, filters: { id } });
    return (data[0] as GraphCustomer | undefined) ?? null;
  }

  /** The customer's most recent order, for the contact's address fallback. */
  async latestOrderOf(customerId: string): Promise<GraphOrder | null> {
    const { data } = await this.#query.graph({
      entity: 'order',
      fields: ['id', 'created_at', 'updated_at', 'email', 'currency_code', 'billing_address.*', 'shipping_address.*'],
      filters: { customer_id: customerId },
      pagination: { take: 1, order: { created_at: 'DESC' } },
    });
    return (data[0] as GraphOrder | undefined) ?? null;
  }

  async variant(id: string): Promise<GraphVariant | null> {
    const { data } = await this.#query.graph({ entity: 'product_variant', fields: VARIANT_FIELDS, filters: { id } });
    return (data[0] as GraphVariant | undefined) ?? null;
  }

  /** Every variant of a product: nested variant edits only raise `product.updated`. */
  async variantIdsOfProduct(productId: string): Promise<string[]> {
    const { data } = await this.#query.graph({ entity: 'product', fields: ['id', 'variants.id'], filters: { id: productId } });
    return (data[0]?.variants ?? []).map((v: { id: string }) => v.id);
  }

  /** Variants stocked by an inventory level's item. */
  async variantIdsOfInventoryLevel(levelId: string): Promise<string[]> {
    const { data } = await this.#query.graph({
      entity: 'inventory_level',
      fields: ['id', 'inventory_item.variants.id'],
      filters: { id: levelId },
    });
    return (data[0]?.inventory_item?.variants ?? []).map((v: { id: string }) => v.id);
  }

  /** Payment providers, for `GET /V1/byte8/payment-methods`. */
  async paymentProviders(): Promise<Array<{ id: string; is_enabled: boolean }>> {
    const { data } = await this.#query.graph({ entity: 'payment_provider', fields: ['id', 'is_enabled'] });
    return data as Array<{ id: string; is_enabled: boolean }>;
  }

  /**
   * Ids and change times of records changed at or after `since`, oldest first.
   * `entity` is a query.graph entity; `extra` narrows it (e.g. registered customers).
   */
  async changed(
    entity: string,
    since: Date,
    until: Date | undefined,
    take: number,
    skip: number,
    extra: Record<string, unknown> = {},
  ): Promise<Array<{ id: string; updated_at: string | Date }>> {
    const range: Record<string, Date> = { $gte: since };
    if (until) range.$lte = until;
    const { data } = await this.#query.graph({
      entity,
      fields: ['id', 'updated_at'],
      filters: { ...extra, updated_at: range },
      pagination: { take, skip, order: { updated_at: 'ASC' } },
    });
    return data as Array<{ id: string; updated_at: string | Date }>;
  }
}
