import type { InvoiceLine } from '@byte8/core';
import { DocumentError } from '../delivery/document-error.js';
import type { EuGoodsServicesType, SagePolicy } from '../policy/sage-policy.js';

/** (b.6 quirk §29, b.6 §32) the rate a UK business must use for cross-border lines and untaxed shipping. */
export const ZERO_RATE_ID = 'GB_ZERO';

/** (b.6) a customer billed outside the business's country: every line zero rated, with a goods/services type. */
export function isCrossBorder(policy: SagePolicy, billingCountry: string | null | undefined): boolean {
  return typeof billingCountry === 'string' && billingCountry !== '' && billingCountry.toUpperCase() !== policy.businessCountry;
}

function defaultRate(policy: SagePolicy): string {
  if (policy.defaultTaxRateId === null) {
    throw new DocumentError('missing_setting', 'A line has no mapped tax rate and policy.defaultTaxRateId is not set (b.2): set it, e.g. GB_STANDARD, then requeue.');
  }
  return policy.defaultTaxRateId;
}

/** (b.4) a percentage as a map key: `0.2` -> `"20.00"`. */
export const percentageKey = (ratio: number): string => (Math.round(ratio * 10_000) / 100).toFixed(2);

/** (b.4) per line: cross-border `GB_ZERO`, else the map entry for the line's percentage, else the default. */
export function lineTaxRateId(policy: SagePolicy, line: InvoiceLine, crossBorder: boolean): string {
  if (crossBorder) return ZERO_RATE_ID;
  if (line.tax_rate !== null && line.tax_rate !== undefined) {
    const mapped = policy.taxRateMap[percentageKey(line.tax_rate)];
    if (mapped) return mapped;
  }
  return defaultRate(policy);
}

/** (b.6 §32) untaxed shipping (or cross-border) is `GB_ZERO`; taxed shipping by its percentage, else the default. */
export function shippingTaxRateId(policy: SagePolicy, shipping: number, shippingTax: number, crossBorder: boolean): string {
  if (crossBorder || !(shippingTax > 0) || !(shipping > 0)) return ZERO_RATE_ID;
  return policy.taxRateMap[percentageKey(shippingTax / shipping)] ?? defaultRate(policy);
}

/**
 * (b.6) one EU goods/services type for a cross-border document: per line
 * from `productTypeEuGoodsMap`, else the default; Sage needs all lines the
 * same, so a mixed document takes the default and says so.
 */
export function euGoodsServicesType(policy: SagePolicy, lines: readonly InvoiceLine[]): { readonly type: EuGoodsServicesType; readonly coerced: boolean } {
  const types = new Set(lines.map((line) => policy.productTypeEuGoodsMap[line.product_type ?? ''] ?? policy.defaultEuGoodsServicesType));
  if (types.size === 1) return { type: [...types][0]!, coerced: false };
  return { type: policy.defaultEuGoodsServicesType, coerced: types.size > 1 };
}

/** The skip/flag code of (b.9) for a mixed document. */
export const MIXED_EU_TYPES_CODE = 'mixed_eu_goods_services_coerced_to_default';
