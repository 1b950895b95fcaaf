import type { SimBusiness } from '../../store/sim-business.js';
import type { SageRecord } from '../../store/sage-record.js';
import { round2 } from '../../validation/money.js';
import type { ArtefactKind } from './artefact-kind.js';

/**
 * Moves stock for the stock-item lines of an issued artefact: an invoice sells
 * (quantity down), a credit note takes back (up); `sign` -1 undoes it (void,
 * edit). Sage's stock ledger does this for stock items; the spec does not
 * describe it, so the exact moment (issue, not draft) is the simulator's reading.
 */
export function moveStockFor(business: SimBusiness, kind: ArtefactKind, artefact: SageRecord, sign: 1 | -1): void {
  for (const line of artefact[kind.linesKey] as SageRecord[]) {
    const product = line.product as { id: string; $path: string } | null;
    if (product === null || !product.$path.startsWith('/stock_items/')) continue;
    const item = business.row('stock_items', product.id);
    if (item === undefined) continue;
    const quantity = round2(Number(item.quantity_in_stock) + sign * kind.stockDirection * Number(line.quantity));
    business.store('stock_items', { ...item, quantity_in_stock: quantity });
  }
}
