import type { SageRecord } from '../store/sage-record.js';
import { SEEDED_AT } from './seeded-at.js';

interface TaxRateSeed {
  readonly id: string;
  readonly name: string;
  readonly displayedAs: string;
  readonly percentage: number;
}

// The UK system rates of (c.6): ids, percentages and labels as Sage lists them.
const UK_RATES: readonly TaxRateSeed[] = [
  { id: 'GB_STANDARD', name: 'STANDARD', displayedAs: 'Standard 20.00%', percentage: 20 },
  { id: 'GB_LOWER', name: 'LOWER', displayedAs: 'Lower Rate 5.00%', percentage: 5 },
  { id: 'GB_ZERO', name: 'ZERO', displayedAs: 'Zero Rated 0.00%', percentage: 0 },
  { id: 'GB_EXEMPT', name: 'EXEMPT', displayedAs: 'Exempt 0.00%', percentage: 0 },
  { id: 'GB_NO_TAX', name: 'NO_TAX', displayedAs: 'No VAT', percentage: 0 },
];

/** Rates whose tax is 0 by kind, so a line needs no `tax_amount` (c.6). */
export const ZERO_KIND_TAX_RATES: ReadonlySet<string> = new Set(['GB_ZERO', 'GB_EXEMPT', 'GB_NO_TAX']);

/** The rate a UK business must use for customers outside the UK (c.8, b.6). */
export const CROSS_BORDER_TAX_RATE = 'GB_ZERO';

export function ukTaxRates(): SageRecord[] {
  return UK_RATES.map((rate) => ({
    id: rate.id,
    displayed_as: rate.displayedAs,
    $path: `/tax_rates/${rate.id}`,
    name: rate.name,
    agency: null,
    percentage: rate.percentage,
    percentages: [{ percentage: rate.percentage, from_date: '2011-01-04', to_date: null }],
    is_visible: true,
    retailer: false,
    editable: false,
    deletable: false,
    is_combined_rate: false,
    component_tax_rates: [],
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT,
  }));
}
