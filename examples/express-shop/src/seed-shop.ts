import { createCustomer, createProduct } from './domain/catalog.js';
import { refundInvoice } from './domain/refunds.js';
import { invoiceOrder, payInvoice, placeOrder } from './domain/sales.js';
import type { ShopDeps } from './domain/shop-deps.js';

/** Seeds a few customers, products and documents into an empty shop; returns false when it had data. */
export async function seedShop(deps: ShopDeps): Promise<boolean> {
  const any = await deps.db.selectFrom('shop_customers').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const jane = await createCustomer(deps, {
    email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe', phone: '+44 20 0000 0000',
    street: '1 High St', city: 'London', postcode: 'N1 1AA', countryId: 'GB',
  });
  const marc = await createCustomer(deps, {
    email: 'marc@example.fr', firstName: 'Marc', lastName: 'Dupont', company: 'Dupont SARL',
    street: '5 Rue de Rivoli', city: 'Paris', postcode: '75001', countryId: 'FR',
  });
  const bag = await createProduct(deps, { sku: 'MB01', name: 'Messenger bag', price: 34, taxRate: 0.2, stockQty: 40 });
  const mug = await createProduct(deps, { sku: 'MUG1', name: 'Enamel mug', price: 9.5, taxRate: 0.2, stockQty: 120 });
  // Sold out: the shop refuses to order it.
  await createProduct(deps, { sku: 'GIFT25', name: 'Gift card 25', price: 25, taxRate: 0, stockQty: 0, productType: 'virtual', manageStock: true });

  const first = await placeOrder(deps, { customerId: jane, items: [{ productId: bag, qty: 1 }, { productId: mug, qty: 2 }], paymentMethod: 'checkmo', shippingAmount: 5 });
  const paid = await invoiceOrder(deps, first);
  await payInvoice(deps, paid, 'seed-txn-1');
  const second = await placeOrder(deps, { customerId: marc, items: [{ productId: mug, qty: 6 }], paymentMethod: 'banktransfer' });
  await invoiceOrder(deps, second);
  const third = await placeOrder(deps, { customerId: jane, items: [{ productId: bag, qty: 1 }], paymentMethod: 'checkmo' });
  const refunded = await invoiceOrder(deps, third);
  await payInvoice(deps, refunded, 'seed-txn-3');
  await refundInvoice(deps, refunded, { reason: 'Damaged in transit' });
  return true;
}
