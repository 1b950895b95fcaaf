import type { ResourceSpec } from '../api/resource-spec.js';

const readOnly = (name: string, extra: Partial<ResourceSpec> = {}): ResourceSpec => ({ name, filters: ['updated_or_created_since'], ...extra });

/**
 * The reference lists a connector reads (c.5). Sage also lets tax rates, ledger
 * accounts and bank accounts be written; a connector never does, so the
 * simulator answers those writes 405 rather than pretend to model them.
 */
export const referenceResources: readonly ResourceSpec[] = [
  readOnly('tax_rates', { searchIn: (rate) => [rate.name, rate.displayed_as] }),
  readOnly('ledger_accounts', {
    filters: ['visible_in', 'not_visible_in', 'ledger_account_type_id', 'updated_or_created_since'],
    searchIn: (account) => [account.name, account.nominal_code, account.displayed_as],
  }),
  readOnly('bank_accounts', { searchIn: (account) => [account.displayed_as] }),
  readOnly('bank_account_types'),
  readOnly('currencies'),
  readOnly('exchange_rates'),
  readOnly('payment_methods'),
  readOnly('eu_goods_services_types'),
  readOnly('transaction_types'),
  readOnly('contact_types'),
  readOnly('artefact_statuses'),
  readOnly('catalog_item_types'),
];
