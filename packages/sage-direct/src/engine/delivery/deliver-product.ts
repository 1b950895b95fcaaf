import type { Product } from '@byte8/core';
import { ensureObject, type SageObjectRef } from '../exactly-once/ensure-object.js';
import { findByItemCode, type SageItem } from '../exactly-once/sage-lookups.js';
import { type CatalogFamily, catalogBody, familyOf, PRODUCT_TYPE_NOT_SUPPORTED } from '../mapping/catalog-payload.js';
import { fit, round2 } from '../mapping/text-fields.js';
import { type DeliveryContext, PolicySkip, required } from './delivery-context.js';
import { DocumentError } from './document-error.js';

const takenItemCode = (error: { kind: string; errors: readonly { source: string }[] }) => error.kind === 'invalid' && error.errors.some((item) => item.source === 'item_code');

/**
 * (b.1 `sync_stock`) Magento is the truth: when its quantity differs from
 * Sage's `quantity_in_stock`, post the difference as a stock movement. Read
 * right before posting, so a retry after an uncertain movement posts only
 * what is still missing.
 */
async function reconcileStock(ctx: DeliveryContext, itemId: string, product: Product): Promise<void> {
  if (!product.manage_stock || product.stock_qty === null || product.stock_qty === undefined) return;
  const { body } = await ctx.api.get<{ quantity_in_stock?: unknown }>(`/stock_items/${itemId}`);
  const delta = round2(product.stock_qty - Number(body?.quantity_in_stock ?? 0));
  if (delta === 0) return;
  await ctx.api.post('/stock_movements', {
    stock_movement: {
      stock_item_id: itemId,
      date: ctx.now().toISOString().slice(0, 10),
      quantity: delta,
      cost_price: product.cost ?? 0,
      details: 'Stock count from the store',
      reference: fit(product.sku, 31),
    },
  });
}

/**
 * `product.upserted` (a.3, b.1): off unless `syncProducts`; `simple` to
 * products (stock items with `syncStock` and managed stock), virtual and
 * downloadable to services, composites skipped. Created once, updated (PUT)
 * on later saves; a change of family is refused (e.23).
 */
export async function deliverProduct(ctx: DeliveryContext): Promise<void> {
  const product = await required(ctx.source.product(ctx.entityId), 'product', ctx.entityId);
  if (!ctx.policy.syncProducts) throw new PolicySkip('sync_products_disabled', 'sync_products is off (b.1)');
  const family = familyOf(ctx.policy, product);
  if (family === null) throw new PolicySkip(PRODUCT_TYPE_NOT_SUPPORTED, `${product.product_type} products are not synced; their children are (b.1)`);
  const body = catalogBody(ctx.policy, product, family);
  const { scope, xrefs } = ctx.ensure;
  const known = await xrefs.find(scope, 'product', String(ctx.entityId));
  let ref: SageObjectRef;
  if (known?.providerId) {
    if (known.family !== family) {
      throw new DocumentError('product_family_changed', `The product is a ${known.family} in Sage and would now be ${family}; Sage cannot change an item's family (e.23)`);
    }
    await ctx.api.put(`/${family}/${known.providerId}`, body);
    ref = { id: known.providerId, reference: known.reference, family };
  } else {
    const toRef = (item: SageItem): SageObjectRef => ({ id: item.id, reference: typeof item.item_code === 'string' ? item.item_code : product.sku, family });
    ref = (
      await ensureObject(ctx.ensure, {
        kind: 'product',
        hostKey: String(ctx.entityId),
        lookup: async () => {
          const found = await findByItemCode(ctx.api, `/${family}`, product.sku);
          return found ? toRef(found) : null;
        },
        create: async () => toRef((await ctx.api.post<SageItem>(`/${family}`, body)).body),
        isDuplicate: takenItemCode,
      })
    ).ref;
  }
  // Invoice lines name the item by SKU (so Sage moves a stock item's stock when it is sold).
  if (product.sku.length > 0 && product.sku.length <= 128) await xrefs.resolve(scope, { kind: 'sku', hostKey: product.sku, providerId: ref.id, family });
  if (family === 'stock_items') await reconcileStock(ctx, ref.id, product);
  await ctx.chip({ status: 'synced', providerEntityId: ref.id, providerReference: ref.reference });
}

export type { CatalogFamily };
