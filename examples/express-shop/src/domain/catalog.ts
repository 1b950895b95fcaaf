import { type ShopDeps, ShopError, requireId } from './shop-deps.js';
import { insertedId } from '../db/shop-dialect.js';

export interface NewCustomer {
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly company?: string | null;
  readonly phone?: string | null;
  readonly street: string;
  readonly city: string;
  readonly postcode: string;
  readonly countryId: string;
}

const clean = (value: string | null | undefined): string => (value ?? '').trim();

/** Registers a customer and tells the connector, in one transaction. */
export async function createCustomer(deps: ShopDeps, input: NewCustomer): Promise<number> {
  const email = clean(input.email).toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ShopError('A valid email address is required.');
  if (!clean(input.firstName) || !clean(input.lastName)) throw new ShopError('First and last name are required.');
  const countryId = clean(input.countryId).toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryId)) throw new ShopError('Country must be a two-letter code, e.g. GB.');
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertedId(
      trx,
      trx
        .insertInto('shop_customers')
        .values({
          email,
          first_name: clean(input.firstName),
          last_name: clean(input.lastName),
          company: clean(input.company) || null,
          phone: clean(input.phone) || null,
          street: clean(input.street),
          city: clean(input.city),
          postcode: clean(input.postcode),
          country_id: countryId,
        }),
    );
    await deps.hooks.customerSaved({ before: null, after: { id, websiteId: 1 } }, { transaction: trx });
    return id;
  });
}

export interface NewProduct {
  readonly sku: string;
  readonly name: string;
  readonly price: number;
  readonly taxRate: number;
  readonly stockQty: number;
  readonly productType?: 'simple' | 'virtual';
  /** Keep a stock level and refuse orders beyond it. Default: for simple products. */
  readonly manageStock?: boolean;
}

/** Adds a product with its stock and tells the connector. */
export async function createProduct(deps: ShopDeps, input: NewProduct): Promise<number> {
  const sku = clean(input.sku);
  if (!sku || !clean(input.name)) throw new ShopError('SKU and name are required.');
  if (!(input.price >= 0) || !(input.taxRate >= 0 && input.taxRate < 1)) throw new ShopError('Price must be >= 0 and tax rate a ratio below 1 (0.2 = 20 %).');
  if (!Number.isInteger(input.stockQty) || input.stockQty < 0) throw new ShopError('Stock must be a whole number >= 0.');
  return deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('shop_products').select('id').where('sku', '=', sku).executeTakeFirst();
    if (taken) throw new ShopError(`SKU ${sku} already exists.`);
    const id = await insertedId(
      trx,
      trx
        .insertInto('shop_products')
        .values({
          sku,
          name: clean(input.name),
          price: input.price,
          tax_rate: input.taxRate,
          stock_qty: input.stockQty,
          product_type: input.productType ?? 'simple',
          manage_stock: input.manageStock ?? (input.productType ?? 'simple') === 'simple',
        }),
    );
    await deps.hooks.productSaved({ before: null, after: { id } }, { transaction: trx });
    return id;
  });
}

/** Sets a product's stock level (a stock-item save for the connector). */
export async function setStock(deps: ShopDeps, productId: number, stockQty: number): Promise<void> {
  requireId(productId, 'product');
  if (!Number.isInteger(stockQty) || stockQty < 0) throw new ShopError('Stock must be a whole number >= 0.');
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('shop_products')
      .set({ stock_qty: stockQty, updated_at: new Date() })
      .where('id', '=', productId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new ShopError(`No product ${productId}.`);
    await deps.hooks.stockSaved({ productId }, { transaction: trx });
  });
}
