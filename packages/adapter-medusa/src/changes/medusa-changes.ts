import type { EnqueueResult, EntityRefStore, HostHooks, InvoiceSnapshot } from '@byte8/core';
import { orderRefunds } from '../mapping/order-payments.js';
import { documentNumber, invoiceState } from '../mapping/to-invoice.js';
import type { GraphOrder } from '../mapping/graph-types.js';
import { isRegistered } from '../mapping/to-contact.js';
import { ENTITY_KINDS } from '../source/entity-kinds.js';
import type { MedusaReader } from '../source/medusa-reader.js';

export interface MedusaChangesDeps {
  readonly hooks: HostHooks;
  readonly reader: MedusaReader;
  readonly refs: EntityRefStore;
  readonly websiteId: number;
  readonly storeId: number;
}

/**
 * Turns Medusa's id-only events into the host-neutral hook calls. Each
 * method re-reads the record (the event carries only an id), aliases its id,
 * and lets the providers' rules decide what to enqueue. Nothing here sends.
 */
export class MedusaChanges {
  readonly #deps: MedusaChangesDeps;

  constructor(deps: MedusaChangesDeps) {
    this.#deps = deps;
  }

  /** `order.placed`: the invoice's insert edge, already paid when the provider captured at authorisation. */
  async orderPlaced(orderId: string): Promise<EnqueueResult[]> {
    const order = await this.#deps.reader.order(orderId);
    if (!order) return [];
    const after = await this.#snapshot(order);
    return this.#deps.hooks.invoiceSaved({ before: null, after });
  }

  /** `payment.captured`: open -> paid once the order is fully captured. */
  async paymentCaptured(paymentId: string): Promise<EnqueueResult[]> {
    const order = await this.#orderOfPayment(paymentId);
    if (!order) return [];
    const after = await this.#snapshot(order);
    if (after.state !== 'paid') return [];
    return this.#deps.hooks.invoiceSaved({ before: { ...after, state: 'open' }, after });
  }

  /** `order.canceled`: the invoice moves to cancelled; the providers decide whether that is news. */
  async orderCanceled(orderId: string): Promise<EnqueueResult[]> {
    const order = await this.#deps.reader.order(orderId);
    if (!order) return [];
    const after = await this.#snapshot(order);
    return this.#deps.hooks.invoiceSaved({ before: { ...after, state: 'open' }, after });
  }

  /**
   * `payment.refunded` names the payment, not the refund: every refund of the
   * order is offered, and the outbox keys (`creditmemo.created:{id}`) drop
   * the ones already enqueued.
   */
  async paymentRefunded(paymentId: string): Promise<EnqueueResult[]> {
    const order = await this.#orderOfPayment(paymentId);
    if (!order) return [];
    return this.refundsOf(order);
  }

  /** Enqueues a credit memo for each refund of the order (idempotent). */
  async refundsOf(order: GraphOrder): Promise<EnqueueResult[]> {
    const results: EnqueueResult[] = [];
    const refunds = orderRefunds(order);
    for (const [index, refund] of refunds.entries()) {
      const id = await this.#deps.refs.aliasOf(ENTITY_KINDS.creditmemo, refund.id);
      const after = { id, incrementId: `${documentNumber(order)}-R${index + 1}`, websiteId: this.#deps.websiteId, storeId: this.#deps.storeId };
      results.push(...(await this.#deps.hooks.creditMemoSaved({ before: null, after })));
    }
    return results;
  }

  /** `customer.created` / `customer.updated`: registered customers only; guests travel inside their orders. */
  async customerChanged(customerId: string): Promise<EnqueueResult[]> {
    const customer = await this.#deps.reader.customer(customerId);
    if (!isRegistered(customer)) return [];
    const id = await this.#deps.refs.aliasOf(ENTITY_KINDS.customer, customer.id);
    return this.#deps.hooks.customerSaved({ after: { id, websiteId: this.#deps.websiteId } });
  }

  /** `product.created` / `product.updated`: every variant, since nested variant edits raise only this event. */
  async productChanged(productId: string): Promise<EnqueueResult[]> {
    const variantIds = await this.#deps.reader.variantIdsOfProduct(productId);
    return this.#variantsSaved(variantIds);
  }

  /** `product-variant.updated`. */
  async variantChanged(variantId: string): Promise<EnqueueResult[]> {
    return this.#variantsSaved([variantId]);
  }

  /** `inventory-level.updated`: a stock save of each variant the item stocks. */
  async inventoryLevelChanged(levelId: string): Promise<EnqueueResult[]> {
    const variantIds = await this.#deps.reader.variantIdsOfInventoryLevel(levelId);
    const results: EnqueueResult[] = [];
    for (const variantId of variantIds) {
      const productId = await this.#deps.refs.aliasOf(ENTITY_KINDS.product, variantId);
      results.push(...(await this.#deps.hooks.stockSaved({ productId })));
    }
    return results;
  }

  async #variantsSaved(variantIds: readonly string[]): Promise<EnqueueResult[]> {
    const results: EnqueueResult[] = [];
    for (const variantId of variantIds) {
      const id = await this.#deps.refs.aliasOf(ENTITY_KINDS.product, variantId);
      results.push(...(await this.#deps.hooks.productSaved({ after: { id } })));
    }
    return results;
  }

  async #orderOfPayment(paymentId: string): Promise<GraphOrder | null> {
    const orderId = await this.#deps.reader.orderIdOfPayment(paymentId);
    return orderId ? this.#deps.reader.order(orderId) : null;
  }

  async #snapshot(order: GraphOrder): Promise<InvoiceSnapshot> {
    const id = await this.#deps.refs.aliasOf(ENTITY_KINDS.invoice, order.id);
    return { id, incrementId: documentNumber(order), state: invoiceState(order), websiteId: this.#deps.websiteId, storeId: this.#deps.storeId };
  }
}
