import type { SageRecord } from '../store/sage-record.js';
import { refTo } from '../store/sage-record.js';
import { seedId } from '../store/sage-ids.js';
import { SimBusiness } from '../store/sim-business.js';
import {
  artefactStatuses,
  bankAccountTypes,
  catalogItemTypes,
  contactTypes,
  currencies,
  euGoodsServicesTypes,
  exchangeRates,
  paymentMethods,
  transactionTypes,
} from './reference-lists.js';
import type { SeededBusiness } from './seeded-accounts.js';
import { SEEDED_AT } from './seeded-at.js';
import { ledgerAccountSeedId, ukLedgerAccounts } from './uk-ledger-accounts.js';
import { ukTaxRates } from './uk-tax-rates.js';

const BASE_CURRENCY = 'GBP';

function bankAccount(business: SimBusiness, key: string, name: string, ledger: SageRecord, details: Record<string, string>): SageRecord {
  const id = seedId(`${business.id}:bank_account:${key}`);
  const find = (resource: string, refId: string) => refTo(resource, business.row(resource, refId)!);
  return {
    id,
    displayed_as: `${name} (${ledger.nominal_code})`,
    $path: `/bank_accounts/${id}`,
    bank_account_details: { account_name: name, sort_code: '12-34-56', bic: null, iban: null, ...details },
    ledger_account: refTo('ledger_accounts', ledger),
    bank_account_type: find('bank_account_types', 'CHECKING'),
    balance: 0,
    main_address: null,
    main_contact_person: null,
    nominal_code: ledger.nominal_code,
    editable: true,
    deletable: false,
    journal_code: null,
    default_payment_method: find('payment_methods', key === 'card' ? 'CREDIT_DEBIT' : 'BANK_TRANSFER'),
    currency: find('currencies', BASE_CURRENCY),
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT,
  };
}

/** A UK business with the reference data of (c.5)/(c.6): GBP base, UK tax rates, a small chart, two bank accounts. */
export function seedBusiness(seeded: SeededBusiness): SimBusiness {
  const business = new SimBusiness(
    { id: seeded.id, name: seeded.name, countryId: 'GB', baseCurrencyId: BASE_CURRENCY },
    {
      ledgerAccounts: Object.fromEntries(['1100', '1200', '1210', '2100', '2200', '2201', '4000', '4010', '4900', '4905', '5000', '7500'].map((code) => [code, ledgerAccountSeedId(seeded.id, code)])),
      bankAccounts: { current: seedId(`${seeded.id}:bank_account:current`), card: seedId(`${seeded.id}:bank_account:card`) },
    },
  );
  const lists: Record<string, SageRecord[]> = {
    tax_rates: ukTaxRates(),
    currencies: currencies(),
    exchange_rates: exchangeRates(BASE_CURRENCY),
    payment_methods: paymentMethods(),
    eu_goods_services_types: euGoodsServicesTypes(),
    transaction_types: transactionTypes(),
    contact_types: contactTypes(),
    artefact_statuses: artefactStatuses(),
    catalog_item_types: catalogItemTypes(),
    bank_account_types: bankAccountTypes(),
  };
  for (const [resource, records] of Object.entries(lists)) for (const record of records) business.store(resource, record);
  const taxRateName = (id: string) => String(business.row('tax_rates', id)!.displayed_as);
  for (const ledger of ukLedgerAccounts(seeded.id, taxRateName)) business.store('ledger_accounts', ledger);
  const ledger = (code: string) => business.row('ledger_accounts', business.seed.ledgerAccounts[code]!)!;
  business.store('bank_accounts', bankAccount(business, 'current', 'Current Account', ledger('1200'), { account_number: '12345678' }));
  business.store('bank_accounts', bankAccount(business, 'card', 'Card Receipts Account', ledger('1210'), { account_number: '87654321' }));
  return business;
}
