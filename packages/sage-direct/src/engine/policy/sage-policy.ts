import { z } from 'zod';

/** (b.6) the two EU goods/services types Sage takes on cross-border lines. */
export const EU_GOODS_SERVICES_TYPES = ['GOODS', 'SERVICES'] as const;
export type EuGoodsServicesType = (typeof EU_GOODS_SERVICES_TYPES)[number];

const sageId = z.string().trim().min(1).max(64);
const euType = z.enum(EU_GOODS_SERVICES_TYPES, { message: 'must be GOODS or SERVICES (OUT_OF_RANGE)' });
const wireIds = z.array(z.number().int().nonnegative()).max(10_000).nullable().default([]).transform((ids) => ids ?? []);

/** (b.4) keys canonicalised to two decimals: `"20"`, `" 20.0 "` -> `"20.00"`; non-negative numbers only. */
const taxRateMap = z
  .record(z.string(), sageId)
  .default({})
  .transform((map, ctx) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(map)) {
      const trimmed = key.trim();
      const percentage = Number(trimmed);
      if (trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed) || !Number.isFinite(percentage) || percentage > 1000) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key.slice(0, 20)}" is not a non-negative percentage (invalid_format)` });
        continue;
      }
      out[percentage.toFixed(2)] = value;
    }
    return out;
  });

/** (b.6) the ledger's default product-type map. */
export const DEFAULT_PRODUCT_TYPE_EU_GOODS_MAP: Readonly<Record<string, EuGoodsServicesType>> = {
  simple: 'GOODS',
  configurable: 'GOODS',
  bundle: 'GOODS',
  grouped: 'GOODS',
  virtual: 'SERVICES',
  downloadable: 'SERVICES',
};

const b2c = z
  .object({
    enabled: z.boolean().default(false),
    fallbackContactName: z.string().trim().min(1).max(100).default('Magento Web Sales'),
    fallbackContactEmail: z.email({ message: 'must be a valid email address' }).max(100).default('sales@your-shop.example.com'),
    // (b.7) max 10 characters (Sage's reference limit, c.7); one spare keeps room for the currency initial.
    fallbackContactReference: z.string().trim().min(1).max(10).default('WEBSALES'),
    minTotalForIndividual: z.number().finite().nonnegative().default(0),
    alwaysIndividualForB2b: z.boolean().default(true),
  })
  .strict()
  .default({ enabled: false, fallbackContactName: 'Magento Web Sales', fallbackContactEmail: 'sales@your-shop.example.com', fallbackContactReference: 'WEBSALES', minTotalForIndividual: 0, alwaysIndividualForB2b: true });

/**
 * The sync policy of (b), one option per ledger dashboard setting, with the
 * ledger's defaults. Sage ids are the ids of the connected business
 * (`GB_STANDARD`, a ledger account's or bank account's id).
 */
export const sagePolicySchema = z
  .object({
    // b.1 Sync Behaviour
    syncUnpaidInvoices: z.boolean().default(true),
    syncZeroValueInvoices: z.boolean().default(true),
    syncSince: z.iso.datetime({ offset: true, message: 'must be an ISO date-time such as 2026-01-01T00:00:00Z' }).nullable().default(null),
    websiteFilter: wireIds,
    storeFilter: wireIds,
    syncProducts: z.boolean().default(false),
    syncStock: z.boolean().default(false),
    // b.2 Default Mappings
    defaultTaxRateId: sageId.nullable().default(null),
    defaultLedgerAccountId: sageId.nullable().default(null),
    defaultBankAccountId: sageId.nullable().default(null),
    defaultPurchaseLedgerAccountId: sageId.nullable().default(null),
    // b.3 Payment Method Map: a null value means "never post a payment for this method".
    paymentMethodMap: z.record(z.string().min(1).max(64), sageId.nullable()).default({}),
    // b.4 Tax Rate Routing
    taxRateMap,
    // b.5 Commercial Knobs
    invoiceNumberPrefix: z.string().trim().min(1).max(10).nullable().default(null),
    customerNamePriority: z.enum(['Company', 'Person']).default('Company'),
    // b.6 Multi-currency
    defaultEuGoodsServicesType: euType.default('GOODS'),
    productTypeEuGoodsMap: z.record(z.string().min(1).max(64), euType).default({ ...DEFAULT_PRODUCT_TYPE_EU_GOODS_MAP }),
    // b.7 B2C Consolidation
    b2cConsolidation: b2c,
    /** The connected business's base currency and country (one binding = one business, b.6). */
    baseCurrency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO currency code such as GBP').default('GBP'),
    businessCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO country code such as GB').default('GB'),
  })
  .strict()
  .superRefine((policy, ctx) => {
    // b.1: sync_stock needs sync_products; b.2: products need a purchase ledger account.
    if (policy.syncStock && !policy.syncProducts) ctx.addIssue({ code: 'custom', path: ['syncStock'], message: 'needs syncProducts: true' });
    if (policy.syncProducts && policy.defaultPurchaseLedgerAccountId === null) {
      ctx.addIssue({ code: 'custom', path: ['defaultPurchaseLedgerAccountId'], message: 'is required when syncProducts is true (Sage demands a purchase ledger account on products)' });
    }
  });

export type SagePolicyOptions = z.input<typeof sagePolicySchema>;
export type SagePolicy = z.output<typeof sagePolicySchema>;

/** Checks the policy and fails closed, naming the setting (`sageDirect option "policy.defaultTaxRateId": ...`). */
export function resolveSagePolicy(options: unknown): SagePolicy {
  const result = sagePolicySchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const setting = ['policy', ...issue.path.map(String)].join('.');
  throw new Error(`sageDirect option "${setting}": ${issue.message}`);
}
