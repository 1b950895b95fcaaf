import type { SageRecord } from '../store/sage-record.js';
import { seedId } from '../store/sage-ids.js';
import { SEEDED_AT } from './seeded-at.js';

type Visibility = 'sales' | 'banking' | 'expenses' | 'other_payments' | 'other_receipts' | 'journals' | 'reporting';

/** The `visible_in` values of (c.3). */
export const VISIBILITY_SCOPES: readonly Visibility[] = ['sales', 'banking', 'expenses', 'other_payments', 'other_receipts', 'journals', 'reporting'];

interface LedgerSeed {
  readonly code: number;
  readonly name: string;
  readonly type: readonly [string, string];
  readonly group: readonly [string, string];
  readonly visibleIn: readonly Visibility[];
  readonly taxRate?: string;
  readonly control?: string;
}

const INCOME = ['INCOME', 'Income'] as const;
const EXPENDITURE = ['EXPENDITURE', 'Expenditure'] as const;
const BALANCE = ['BALANCE_SHEET', 'Balance Sheet'] as const;
const INCOME_SCOPES: readonly Visibility[] = ['sales', 'other_receipts', 'journals', 'reporting'];
const EXPENSE_SCOPES: readonly Visibility[] = ['expenses', 'other_payments', 'journals', 'reporting'];

// A small slice of the UK chart: the accounts (c.6) names (4000, 4010, 5000, 1200) and the usual few beside them.
const UK_CHART: readonly LedgerSeed[] = [
  { code: 1100, name: 'Debtors Control Account', type: ['CURRENT_ASSETS', 'Current Assets'], group: BALANCE, visibleIn: ['reporting'], control: 'DEBTORS' },
  { code: 1200, name: 'Current Account', type: ['BANK', 'Bank'], group: BALANCE, visibleIn: ['journals', 'reporting'] },
  { code: 1210, name: 'Card Receipts Account', type: ['BANK', 'Bank'], group: BALANCE, visibleIn: ['journals', 'reporting'] },
  { code: 2100, name: 'Creditors Control Account', type: ['CURRENT_LIABILITY', 'Current Liabilities'], group: BALANCE, visibleIn: ['reporting'], control: 'CREDITORS' },
  { code: 2200, name: 'Sales Tax Control Account', type: ['CURRENT_LIABILITY', 'Current Liabilities'], group: BALANCE, visibleIn: ['reporting'], control: 'SALES_TAX' },
  { code: 2201, name: 'Purchase Tax Control Account', type: ['CURRENT_LIABILITY', 'Current Liabilities'], group: BALANCE, visibleIn: ['reporting'], control: 'PURCHASE_TAX' },
  { code: 4000, name: 'Sales - Products', type: ['SALES', 'Sales'], group: INCOME, visibleIn: INCOME_SCOPES, taxRate: 'GB_STANDARD' },
  { code: 4010, name: 'Sales - Services', type: ['SALES', 'Sales'], group: INCOME, visibleIn: INCOME_SCOPES, taxRate: 'GB_STANDARD' },
  { code: 4905, name: 'Distribution and Carriage', type: ['SALES', 'Sales'], group: INCOME, visibleIn: INCOME_SCOPES, taxRate: 'GB_STANDARD' },
  { code: 4900, name: 'Other Income', type: ['OTHER_INCOME', 'Other Income'], group: INCOME, visibleIn: INCOME_SCOPES },
  { code: 5000, name: 'Cost of sales - goods', type: ['DIRECT_EXPENSES', 'Direct Expenses'], group: EXPENDITURE, visibleIn: EXPENSE_SCOPES, taxRate: 'GB_STANDARD' },
  { code: 7500, name: 'Office costs', type: ['OVERHEADS', 'Overheads'], group: EXPENDITURE, visibleIn: EXPENSE_SCOPES, taxRate: 'GB_STANDARD' },
];

export function ledgerAccountSeedId(businessId: string, nominalCode: number | string): string {
  return seedId(`${businessId}:ledger_account:${nominalCode}`);
}

export function ukLedgerAccounts(businessId: string, taxRateName: (id: string) => string): SageRecord[] {
  return UK_CHART.map((seed) => {
    const id = ledgerAccountSeedId(businessId, seed.code);
    const visibility = Object.fromEntries(VISIBILITY_SCOPES.map((scope) => [`visible_in_${scope}`, seed.visibleIn.includes(scope)]));
    return {
      id,
      displayed_as: `${seed.name} (${seed.code})`,
      $path: `/ledger_accounts/${id}`,
      ledger_account_group: { id: seed.group[0], displayed_as: seed.group[1] },
      ledger_account_type: { id: seed.type[0], displayed_as: seed.type[1], $path: `/ledger_account_types/${seed.type[0]}` },
      included_in_chart: true,
      name: seed.name,
      display_name: seed.name,
      visible_scopes: [...seed.visibleIn],
      nominal_code: seed.code,
      ledger_account_classification: null,
      tax_rate: seed.taxRate ? { id: seed.taxRate, displayed_as: taxRateName(seed.taxRate), $path: `/tax_rates/${seed.taxRate}` } : null,
      fixed_tax_rate: false,
      ...visibility,
      is_control_account: seed.control !== undefined,
      control_name: seed.control ?? null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    };
  });
}
