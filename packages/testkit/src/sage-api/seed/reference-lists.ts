import type { SageRecord } from '../store/sage-record.js';
import { SEEDED_AT } from './seeded-at.js';

/** `[id, displayed_as]` rows of a read-only list, turned into records of `resource`. */
function listOf(resource: string, rows: readonly (readonly [string, string])[], extra: (id: string) => Record<string, unknown> = () => ({})): SageRecord[] {
  return rows.map(([id, displayedAs]) => ({ id, displayed_as: displayedAs, $path: `/${resource}/${id}`, ...extra(id), created_at: SEEDED_AT, updated_at: SEEDED_AT }));
}

const CURRENCIES = [
  ['GBP', 'Pound Sterling (GBP)', '£'],
  ['EUR', 'Euro (EUR)', '€'],
  ['USD', 'US Dollar (USD)', '$'],
] as const;

/** Currencies: ISO codes as ids (c.6). */
export const currencies = (): SageRecord[] =>
  listOf(
    'currencies',
    CURRENCIES.map(([id, label]) => [id, label] as const),
    (id) => {
      const row = CURRENCIES.find(([code]) => code === id)!;
      return { name: row[1].replace(/ \(.*\)$/, ''), symbol: row[2], minor_unit: 2 };
    },
  );

// Foreign units per one pound. (e.12) leaves the direction open; the simulator reads `exchange_rate`
// everywhere as "invoice currency per base currency", so base amounts = amount / rate.
const RATES_PER_GBP: Readonly<Record<string, number>> = { EUR: 1.17, USD: 1.27 };

export function exchangeRates(baseCurrencyId: string): SageRecord[] {
  return Object.entries(RATES_PER_GBP).map(([currency, rate]) => {
    const label = CURRENCIES.find(([code]) => code === currency)![1];
    return {
      id: currency,
      displayed_as: label,
      $path: `/exchange_rates/${currency}`,
      rate,
      inverse_rate: Math.round((1 / rate) * 1e6) / 1e6,
      base_currency: { id: baseCurrencyId, displayed_as: baseCurrencyId, $path: `/currencies/${baseCurrencyId}` },
      currency: { id: currency, displayed_as: label, $path: `/currencies/${currency}` },
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    };
  });
}

// (c.5) lists the endpoint but not its ids; these are the simulator's choice, named as Sage's UI names them.
export const paymentMethods = (): SageRecord[] =>
  listOf('payment_methods', [
    ['BANK_TRANSFER', 'Bank Transfer'],
    ['CASH', 'Cash'],
    ['CHEQUE', 'Cheque'],
    ['CREDIT_DEBIT', 'Credit/Debit Card'],
    ['ALTERNATIVE_PAYMENT', 'Alternative Payment'],
  ]);

/** (c.6, e.21): Byte8 names them GOODS / SERVICES; the spec does not enumerate them. */
export const euGoodsServicesTypes = (): SageRecord[] =>
  listOf('eu_goods_services_types', [
    ['GOODS', 'Goods'],
    ['SERVICES', 'Services'],
  ]);

/** (c.6) payment types; the allocation types are the likely names (e.8). */
export const transactionTypes = (): SageRecord[] =>
  listOf('transaction_types', [
    ['SALES_INVOICE', 'Sales Invoice'],
    ['SALES_CREDIT_NOTE', 'Sales Credit Note'],
    ['CUSTOMER_RECEIPT', 'Customer Receipt'],
    ['CUSTOMER_REFUND', 'Customer Refund'],
    ['VENDOR_PAYMENT', 'Supplier Payment'],
    ['VENDOR_REFUND', 'Supplier Refund'],
    ['CUSTOMER_ALLOCATION', 'Customer Allocation'],
    ['VENDOR_ALLOCATION', 'Supplier Allocation'],
    ['STOCK_MOVEMENT', 'Stock Movement'],
  ]);

export const contactTypes = (): SageRecord[] =>
  listOf('contact_types', [
    ['CUSTOMER', 'Customer'],
    ['VENDOR', 'Supplier'],
  ]);

/** Artefact status ids of (c.6); `SENT` is a flag, not a status. */
export const artefactStatuses = (): SageRecord[] =>
  listOf('artefact_statuses', [
    ['DRAFT', 'Draft'],
    ['UNPAID', 'Unpaid'],
    ['PART_PAID', 'Part Paid'],
    ['PAID', 'Paid'],
    ['VOID', 'Void'],
    ['DISPUTED', 'Disputed'],
  ]);

/** (c.6) leaves the ids unconfirmed; these follow the stock / non-stock / service split of Sage's UI. */
export const catalogItemTypes = (): SageRecord[] =>
  listOf('catalog_item_types', [
    ['STOCK_ITEM', 'Stock'],
    ['NON_STOCK_ITEM', 'Non-stock'],
    ['SERVICE', 'Service'],
  ]);

export const bankAccountTypes = (): SageRecord[] =>
  listOf('bank_account_types', [
    ['CHECKING', 'Current'],
    ['SAVINGS', 'Savings'],
    ['CREDIT_CARD', 'Credit Card'],
    ['CASH_IN_HAND', 'Cash in Hand'],
    ['OTHER', 'Other'],
  ]);
