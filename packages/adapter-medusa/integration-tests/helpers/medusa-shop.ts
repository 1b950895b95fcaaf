import { ContainerRegistrationKeys, Modules } from '@medusajs/framework/utils';
import {
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCustomersWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  refundPaymentWorkflow,
  updateCustomersWorkflow,
  updateProductsWorkflow,
} from '@medusajs/medusa/core-flows';

/**
 * Drives a Medusa app through its own workflows, as its admin and storefront
 * do, so the plugin sees the real events: a region with the system payment
 * provider, carts completed into orders, captures, refunds, customers and
 * products.
 */
export class MedusaShop {
  readonly #container: any;
  #region: { id: string } | null = null;
  #channel: { id: string } | null = null;

  constructor(container: any) {
    this.#container = container;
  }

  get query(): any {
    return this.#container.resolve(ContainerRegistrationKeys.QUERY);
  }

  /** Places an order (cart -> payment session -> complete cart, which emits `order.placed`). */
  async placeOrder(input: { email: string; customerId?: string; lines?: Array<{ title: string; quantity: number; unit_price: number }> }): Promise<string> {
    const { region, channel } = await this.#setup();
    const address = { first_name: 'Ada', last_name: 'Lovelace', company: 'Engines Ltd', address_1: '1 Hauptstr.', city: 'Berlin', postal_code: '10115', country_code: 'de', phone: '+49 30 1' };
    const cart = await this.#container.resolve(Modules.CART).createCarts({
      currency_code: 'eur',
      region_id: region.id,
      sales_channel_id: channel.id,
      email: input.email,
      ...(input.customerId ? { customer_id: input.customerId } : {}),
      shipping_address: address,
      billing_address: address,
      items: (input.lines ?? [{ title: 'Mug', quantity: 2, unit_price: 10 }]).map((line) => ({ ...line, requires_shipping: false })),
    });
    const { result: collection } = await createPaymentCollectionForCartWorkflow(this.#container).run({ input: { cart_id: cart.id } });
    const collectionId = collection?.id ?? (await this.#collectionOfCart(cart.id));
    await createPaymentSessionsWorkflow(this.#container).run({ input: { payment_collection_id: collectionId, provider_id: 'pp_system_default' } });
    const { result } = await completeCartWorkflow(this.#container).run({ input: { id: cart.id } });
    return result.id as string;
  }

  /** The order's (single) payment. */
  async paymentOf(orderId: string): Promise<string> {
    const { data } = await this.query.graph({ entity: 'order', fields: ['id', 'payment_collections.payments.id'], filters: { id: orderId } });
    const payment = data[0]?.payment_collections?.[0]?.payments?.[0];
    if (!payment) throw new Error(`order ${orderId} has no payment`);
    return payment.id;
  }

  async capture(orderId: string): Promise<string> {
    const paymentId = await this.paymentOf(orderId);
    await capturePaymentWorkflow(this.#container).run({ input: { payment_id: paymentId } });
    return paymentId;
  }

  async refund(orderId: string, amount: number, note?: string): Promise<void> {
    const paymentId = await this.paymentOf(orderId);
    await refundPaymentWorkflow(this.#container).run({ input: { payment_id: paymentId, amount, ...(note ? { note } : {}) } });
  }

  async createCustomer(email: string): Promise<string> {
    const { result } = await createCustomersWorkflow(this.#container).run({
      input: { customersData: [{ email, first_name: 'Grace', last_name: 'Hopper', has_account: true }] },
    });
    return result[0].id;
  }

  async updateCustomer(id: string, update: Record<string, unknown>): Promise<void> {
    await updateCustomersWorkflow(this.#container).run({ input: { selector: { id }, update } });
  }

  async createProduct(sku: string): Promise<{ productId: string; variantId: string }> {
    const { result } = await createProductsWorkflow(this.#container).run({
      input: {
        products: [
          {
            title: 'Teapot',
            options: [{ title: 'Colour', values: ['Blue'] }],
            variants: [{ title: 'Blue', sku, options: { Colour: 'Blue' }, manage_inventory: false, prices: [{ amount: 30, currency_code: 'eur' }] }],
          },
        ],
      },
    });
    const product = result[0];
    return { productId: product.id, variantId: product.variants[0].id };
  }

  async updateProduct(id: string, update: Record<string, unknown>): Promise<void> {
    await updateProductsWorkflow(this.#container).run({ input: { selector: { id }, update } });
  }

  async #collectionOfCart(cartId: string): Promise<string> {
    const { data } = await this.query.graph({ entity: 'cart', fields: ['id', 'payment_collection.id'], filters: { id: cartId } });
    return data[0].payment_collection.id;
  }

  async #setup(): Promise<{ region: { id: string }; channel: { id: string } }> {
    if (!this.#region || !this.#channel) {
      const { result: regions } = await createRegionsWorkflow(this.#container).run({
        input: { regions: [{ name: 'Europe', currency_code: 'eur', countries: ['de'], payment_providers: ['pp_system_default'] }] },
      });
      const { result: channels } = await createSalesChannelsWorkflow(this.#container).run({ input: { salesChannelsData: [{ name: 'Web' }] } });
      this.#region = regions[0];
      this.#channel = channels[0];
    }
    return { region: this.#region!, channel: this.#channel! };
  }
}

/** Polls until `probe` returns a truthy value (Medusa's local event bus runs subscribers after `emit` resolves). */
export async function eventually<T>(probe: () => Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
