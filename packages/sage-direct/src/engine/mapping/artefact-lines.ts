import type { InvoiceLine } from '@byte8/core';
import { DocumentError } from '../delivery/document-error.js';
import type { SagePolicy } from '../policy/sage-policy.js';
import { euGoodsServicesType, lineTaxRateId, ZERO_RATE_ID } from './tax-routing.js';
import { decodeEntities, round2 } from './text-fields.js';

/** A catalogue item a line can name (`product_id` / `service_id`), by SKU. */
export type CatalogLink = (sku: string) => Promise<{ readonly field: 'product_id' | 'service_id'; readonly id: string } | null>;

export interface LineOptions {
  readonly crossBorder: boolean;
  readonly catalog: CatalogLink;
}

export function ledgerAccountOf(policy: SagePolicy): string {
  if (policy.defaultLedgerAccountId === null) {
    throw new DocumentError('missing_setting', 'policy.defaultLedgerAccountId is not set (b.2): choose the sales ledger account for invoice lines, then requeue.');
  }
  return policy.defaultLedgerAccountId;
}

/**
 * Invoice or credit-note lines (c.6): the decoded name (b.8 §22), quantity
 * and unit price, the line discount (`line_subtotal + line_tax - line_total`,
 * a.4), the routed tax rate with the line's tax amount (b.8 §7), and on a
 * cross-border document one EU goods/services type for every line (b.6).
 */
export async function sageLines(policy: SagePolicy, lines: readonly InvoiceLine[], options: LineOptions): Promise<{ lines: Record<string, unknown>[]; coerced: boolean }> {
  const ledgerAccountId = ledgerAccountOf(policy);
  const eu = options.crossBorder ? euGoodsServicesType(policy, lines) : null;
  const out: Record<string, unknown>[] = [];
  for (const line of lines) {
    const taxRateId = lineTaxRateId(policy, line, options.crossBorder);
    const discount = round2(line.line_subtotal + line.line_tax - line.line_total);
    const link = line.sku ? await options.catalog(line.sku) : null;
    out.push({
      description: decodeEntities(line.name).trim() || line.sku || 'Item',
      ledger_account_id: ledgerAccountId,
      quantity: line.qty,
      unit_price: line.unit_price,
      ...(discount > 0 ? { discount_amount: discount } : {}),
      tax_rate_id: taxRateId,
      tax_amount: options.crossBorder || taxRateId === ZERO_RATE_ID ? 0 : round2(line.line_tax),
      ...(eu ? { eu_goods_services_type_id: eu.type } : {}),
      ...(link ? { [link.field]: link.id } : {}),
    });
  }
  return { lines: out, coerced: eu?.coerced ?? false };
}

/**
 * (b.6, e.12) `exchange_rate`, 10 decimals, only for a document in another
 * currency than the business's; omitted otherwise (Sage rejects a non-1 rate
 * there, c.8). The ledger documents send `1 / base_to_order_rate`, reading
 * Magento's docblock (base = order x rate); the canonical value is Magento's
 * raw field, order = base x rate (wire-contract §8.1), and Sage's rate is
 * document currency per unit of base currency, so the rate is the value
 * itself: base amounts come out right (docs/wire-compatibility.md).
 */
export function exchangeRateOf(policy: SagePolicy, currency: string, baseToOrderRate: number | null | undefined): number | null {
  if (currency === policy.baseCurrency || !baseToOrderRate || baseToOrderRate <= 0 || baseToOrderRate === 1) return null;
  return Number(baseToOrderRate.toFixed(10));
}
