import type { ResourceContext } from '../api/resource-spec.js';
import type { FieldReader } from '../validation/field-reader.js';

/**
 * A document's `exchange_rate`: 1 for the base currency, else the one given, the
 * `fallback` (a payment takes its invoice's rate, b.3) or the business's rate.
 * (e.12) leaves the direction open; the simulator reads it as document currency
 * per one unit of base currency, so base amounts = amount / rate.
 */
export function readExchangeRate(ctx: ResourceContext, r: FieldReader, currencyId: string, fallback: number | undefined): number {
  const given = r.amount('exchange_rate');
  if (currencyId === ctx.business.profile.baseCurrencyId) {
    // (c.8) "a rate other than 1.0 when invoice and contact currency match". Read literally with the one-currency-per-contact
    // rule, that would forbid every foreign-currency invoice (b.6 posts them with a rate), so the simulator applies it where
    // it makes sense: an invoice in the business's base currency must not carry another rate.
    if (given !== undefined && given !== 1) r.violations.add('exchange_rate', 'must be 1.0 when the currency is the base currency');
    return 1;
  }
  if (given !== undefined) {
    if (given <= 0) r.violations.add('exchange_rate', 'must be greater than 0');
    return given > 0 ? given : 1;
  }
  return fallback ?? Number(ctx.business.row('exchange_rates', currencyId)?.rate ?? 1);
}

