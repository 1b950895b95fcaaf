import type { ResourceContext, ResourceSpec } from '../api/resource-spec.js';
import { refTo, type SageRecord } from '../store/sage-record.js';
import { newSageId } from '../store/sage-ids.js';
import { FieldReader, type Input } from '../validation/field-reader.js';
import { Violations } from '../validation/violations.js';
import { baseFields, mergeInput, refOrNull } from './record-base.js';

/** What differs between products, services and stock items (c.6, lengths c.7). */
interface CatalogKind {
  readonly resource: 'products' | 'services' | 'stock_items';
  readonly rootKey: 'product' | 'service' | 'stock_item';
  /** (c.6) ids not confirmed; see `catalog_item_types`. */
  readonly catalogType: 'NON_STOCK_ITEM' | 'SERVICE' | 'STOCK_ITEM';
  readonly itemCodeMax: number;
  readonly itemCodeRequired: boolean;
  /** (c.6, c.8) products and stock items demand a purchase ledger account even when only sold. */
  readonly purchaseLedgerRequired: boolean;
  readonly prices: { readonly key: 'sales_prices' | 'sales_rates'; readonly name: string; readonly amount: string; readonly includesTax: string };
}

const PRODUCT_PRICES = { key: 'sales_prices', name: 'price_name', amount: 'price', includesTax: 'price_includes_tax' } as const;
const CATALOG_RESOURCES = ['products', 'services', 'stock_items'] as const;
const ledger = (visibleIn: 'sales' | 'expenses') => ({ label: 'Ledger Account', accept: (account: SageRecord) => account[`visible_in_${visibleIn}`] === true });

function readPrices(r: FieldReader, prices: CatalogKind['prices']): Record<string, unknown>[] {
  return (r.array(prices.key) ?? []).flatMap((value) => {
    const price = FieldReader.element(value, r.violations, prices.key);
    if (price === undefined) return [];
    return [{ [prices.name]: price.text(prices.name) ?? null, [prices.amount]: price.amount(prices.amount, { required: true }) ?? 0, [prices.includesTax]: price.bool(prices.includesTax) ?? false }];
  });
}

function readStockFields(r: FieldReader, existing: SageRecord | undefined): Record<string, unknown> {
  return {
    reorder_level: r.amount('reorder_level', { min: 0 }) ?? null,
    reorder_quantity: r.amount('reorder_quantity', { min: 0 }) ?? null,
    location: r.text('location') ?? null,
    barcode: r.text('barcode') ?? null,
    supplier_part_number: r.text('supplier_part_number') ?? null,
    weight: r.amount('weight', { min: 0 }) ?? null,
    measurement_unit: r.text('measurement_unit') ?? null,
    // The opening quantity is taken on create; afterwards only stock movements (and sales) change it.
    quantity_in_stock: existing?.quantity_in_stock ?? r.amount('quantity_in_stock') ?? 0,
    last_cost_price: r.amount('last_cost_price', { min: 0 }) ?? null,
    average_cost_price: r.amount('average_cost_price', { min: 0 }) ?? null,
  };
}

function buildItem(kind: CatalogKind, ctx: ResourceContext, input: Input, existing?: SageRecord): SageRecord {
  const { business } = ctx;
  const v = new Violations();
  const r = new FieldReader(input, v);
  const description = r.text('description', { required: true, max: 255 });
  const itemCode = r.text('item_code', { required: kind.itemCodeRequired, max: kind.itemCodeMax });
  // Sage's UI refuses a second item with the same code; the simulator applies that across the catalogue (its reading).
  const clash = itemCode !== undefined && CATALOG_RESOURCES.some((resource) => business.rows(resource).some((item) => item.item_code === itemCode && item.id !== existing?.id));
  if (clash) v.add('item_code', 'has already been taken');
  const salesLedger = r.reference('sales_ledger_account_id', 'ledger_accounts', business, { required: true, ...ledger('sales') });
  const purchaseLedger = r.reference('purchase_ledger_account_id', 'ledger_accounts', business, { required: kind.purchaseLedgerRequired, ...ledger('expenses') });
  const taxRate = (field: string) => refOrNull('tax_rates', r.reference(field, 'tax_rates', business, { label: 'Tax Rate' }));
  const record: SageRecord = {
    ...baseFields(kind.resource, existing?.id ?? newSageId(), String(description), ctx, existing),
    item_code: itemCode ?? null,
    description,
    notes: r.text('notes', { max: 500 }) ?? null,
    sales_ledger_account: refOrNull('ledger_accounts', salesLedger),
    purchase_ledger_account: refOrNull('ledger_accounts', purchaseLedger),
    sales_tax_rate: taxRate('sales_tax_rate_id'),
    purchase_tax_rate: taxRate('purchase_tax_rate_id'),
    usual_supplier: refOrNull('contacts', r.reference('usual_supplier_id', 'contacts', business, { label: 'Contact' })),
    cost_price: r.amount('cost_price', { min: 0 }) ?? null,
    // Confirmed by the spec as a catalogue field; not searchable (no source says a list filters on it).
    source_guid: r.text('source_guid') ?? null,
    purchase_description: r.text('purchase_description', { max: 255 }) ?? null,
    active: r.bool('active') ?? true,
    catalog_item_type: refTo('catalog_item_types', business.row('catalog_item_types', kind.catalogType)!),
    [kind.prices.key]: readPrices(r, kind.prices),
    ...(kind.resource === 'stock_items' ? readStockFields(r, existing) : {}),
    deletable: true,
    used_on_recurring_invoice: false,
  };
  v.throwIfAny();
  return record;
}

function catalogResource(kind: CatalogKind): ResourceSpec {
  return {
    name: kind.resource,
    rootKey: kind.rootKey,
    filters: kind.resource === 'stock_items' ? ['active', 'out_of_stock', 'updated_or_created_since'] : ['active', 'updated_or_created_since'],
    searchIn: (item) => [item.item_code, item.description],
    create(ctx, input) {
      const item = buildItem(kind, ctx, input);
      ctx.business.rememberInput(kind.resource, item.id, input);
      return ctx.business.store(kind.resource, item);
    },
    update(ctx, existing, input) {
      const merged = mergeInput(ctx.business.inputOf(kind.resource, existing.id), input);
      const item = buildItem(kind, ctx, merged, existing);
      ctx.business.rememberInput(kind.resource, item.id, merged);
      return ctx.business.store(kind.resource, item);
    },
    remove(ctx, existing) {
      ctx.business.remove(kind.resource, existing.id);
    },
  };
}

/** `/products` (c.5, c.6). */
export const products = catalogResource({
  resource: 'products',
  rootKey: 'product',
  catalogType: 'NON_STOCK_ITEM',
  itemCodeMax: 255,
  itemCodeRequired: false,
  purchaseLedgerRequired: true,
  prices: PRODUCT_PRICES,
});

/** `/services` (c.5, c.6). */
export const services = catalogResource({
  resource: 'services',
  rootKey: 'service',
  catalogType: 'SERVICE',
  itemCodeMax: 255,
  itemCodeRequired: false,
  purchaseLedgerRequired: false,
  prices: { key: 'sales_rates', name: 'rate_name', amount: 'rate', includesTax: 'rate_includes_tax' },
});

/** `/stock_items` (c.5, c.6; Accounting Plus only in Sage). */
export const stockItems = catalogResource({
  resource: 'stock_items',
  rootKey: 'stock_item',
  catalogType: 'STOCK_ITEM',
  itemCodeMax: 30,
  itemCodeRequired: true,
  purchaseLedgerRequired: true,
  prices: PRODUCT_PRICES,
});
