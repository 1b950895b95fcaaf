import { CROSS_BORDER_TAX_RATE } from '../../seed/uk-tax-rates.js';
import { REQUIRED, type Violations } from '../../validation/violations.js';
import { type ArtefactLine, LINE_SOURCE } from './artefact-lines.js';

/**
 * (c.8, b.6) A UK business selling to a customer outside the UK: every line
 * must be Zero Rated and carry an EU goods/services type, the same on every
 * line. `country` is the invoice address's country (the contact's when the
 * invoice has none).
 */
export function checkCrossBorder(businessCountry: string, country: string | null, lines: readonly ArtefactLine[], violations: Violations): void {
  if (businessCountry !== 'GB' || country === null || country === 'GB') return;
  if (lines.some((line) => line.taxRate !== undefined && line.taxRate.id !== CROSS_BORDER_TAX_RATE)) {
    violations.add(`${LINE_SOURCE}.tax_rate_id`, "The tax rate must be 'Zero Rated' for Customers outside the EU");
  }
  if (lines.some((line) => line.euType === undefined)) violations.add(`${LINE_SOURCE}.eu_goods_services_type_id`, REQUIRED);
  if (new Set(lines.map((line) => line.euType).filter((type) => type !== undefined)).size > 1) {
    violations.add(`${LINE_SOURCE}.eu_goods_services_type_id`, 'must be the same for all lines');
  }
}
