import type { ResourceContext, ResourceSpec } from '../api/resource-spec.js';
import type { SimBusiness } from '../store/sim-business.js';
import { refTo, type SageRecord, type SageRef } from '../store/sage-record.js';
import { newSageId } from '../store/sage-ids.js';
import { FieldReader, type Input } from '../validation/field-reader.js';
import { round2 } from '../validation/money.js';
import { Violations } from '../validation/violations.js';
import { baseFields, mergeInput } from './record-base.js';

const RESOURCE = 'stock_movements';

/** Adds `quantity` to a stock item's `quantity_in_stock`. */
function adjust(business: SimBusiness, itemId: string, quantity: number): void {
  const item = business.row('stock_items', itemId);
  if (item !== undefined) business.store('stock_items', { ...item, quantity_in_stock: round2(Number(item.quantity_in_stock) + quantity) });
}

/**
 * Builds a stock movement (c.6, lengths c.7). (e.16) the spec has no movement
 * type and no sign convention; the simulator takes `quantity` as signed (a
 * negative quantity takes stock out) and refuses 0.
 */
function buildMovement(ctx: ResourceContext, input: Input, existing?: SageRecord): SageRecord {
  const { business } = ctx;
  const v = new Violations();
  const r = new FieldReader(input, v);
  const item = r.reference('stock_item_id', 'stock_items', business, { required: true, label: 'Stock Item' });
  const date = r.date('date', { required: true });
  const quantity = r.amount('quantity', { required: true });
  if (quantity !== undefined && round2(quantity) === 0) v.add('quantity', 'must not be 0');
  const costPrice = r.amount('cost_price', { required: true, min: 0 });
  const details = r.text('details', { required: true, max: 50 });
  const record: SageRecord = {
    ...baseFields(RESOURCE, existing?.id ?? newSageId(), String(details), ctx, existing),
    stock_item: item === undefined ? null : refTo('stock_items', item),
    date,
    quantity: round2(quantity ?? 0),
    cost_price: costPrice,
    details,
    movement_number: r.text('movement_number', { max: 4 }) ?? null,
    reference: r.text('reference', { max: 31 }) ?? null,
  };
  v.throwIfAny();
  return record;
}

const itemOf = (movement: SageRecord) => (movement.stock_item as SageRef).id;

/** `/stock_movements` (c.5, c.6): each one moves `quantity_in_stock` of its stock item. */
export const stockMovements: ResourceSpec = {
  name: RESOURCE,
  rootKey: 'stock_movement',
  filters: ['stock_item_id', 'updated_or_created_since', 'from_date', 'to_date'],
  searchIn: (movement) => [movement.details, movement.reference],
  create(ctx, input) {
    const movement = buildMovement(ctx, input);
    ctx.business.rememberInput(RESOURCE, movement.id, input);
    adjust(ctx.business, itemOf(movement), Number(movement.quantity));
    return ctx.business.store(RESOURCE, movement);
  },
  update(ctx, existing, input) {
    const merged = mergeInput(ctx.business.inputOf(RESOURCE, existing.id), input);
    const movement = buildMovement(ctx, merged, existing);
    adjust(ctx.business, itemOf(existing), -Number(existing.quantity));
    adjust(ctx.business, itemOf(movement), Number(movement.quantity));
    ctx.business.rememberInput(RESOURCE, movement.id, merged);
    return ctx.business.store(RESOURCE, movement);
  },
  remove(ctx, existing) {
    adjust(ctx.business, itemOf(existing), -Number(existing.quantity));
    ctx.business.remove(RESOURCE, existing.id);
  },
};
