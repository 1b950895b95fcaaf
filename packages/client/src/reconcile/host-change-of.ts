import type { CanonicalSource, EntityType, HostChange } from '@byte8/core';

/**
 * Rebuilds the host change a missed hook would have reported, from the
 * host's current data: an insert (`before: null`), so the provider's rules
 * fire what a first save fires (`invoice.created`, and `invoice.paid` when
 * the invoice is already paid). Null when the entity no longer exists.
 */
export async function hostChangeOf(source: CanonicalSource, entityType: EntityType, id: number): Promise<HostChange | null> {
  switch (entityType) {
    case 'invoice': {
      const invoice = await source.invoice(id);
      if (!invoice) return null;
      return {
        kind: 'invoice',
        change: {
          before: null,
          after: {
            id: invoice.magento_id,
            incrementId: invoice.increment_id,
            state: invoice.state,
            websiteId: invoice.website_id,
            storeId: invoice.store_id,
          },
        },
      };
    }
    case 'creditmemo': {
      const memo = await source.creditMemo(id);
      if (!memo) return null;
      return {
        kind: 'creditmemo',
        change: {
          before: null,
          // The canonical credit memo has no store; 0 is the contract's "unknown" (§6.2).
          after: { id: memo.magento_id, incrementId: memo.increment_id, websiteId: memo.website_id, storeId: 0 },
        },
      };
    }
    case 'customer': {
      const customer = await source.customer(id);
      if (!customer) return null;
      return { kind: 'customer', change: { before: null, after: { id: customer.magento_id, websiteId: customer.website_id } } };
    }
    case 'product': {
      const product = await source.product(id);
      if (!product) return null;
      return { kind: 'product', change: { before: null, after: { id: product.magento_id } } };
    }
  }
}
