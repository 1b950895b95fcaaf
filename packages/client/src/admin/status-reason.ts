import type { SyncStateRecord } from '@byte8/core';

/** The ledger's skip reasons (wire-contract §7.9), as the end of "Not sent to Sage because …". */
const SKIP_REASONS: Readonly<Record<string, string>> = {
  payment_method_not_mapped: 'its payment method is not mapped to a bank account in the ledger’s settings',
  outside_sync_since: 'it is dated before the ledger’s “sync since” date',
  zero_value_invoice: 'its total is zero',
  mixed_eu_goods_services_coerced_to_default: 'it mixes EU goods and services, so the default tax treatment was used',
  product_type_not_supported: 'its product type is not supported',
};

/** The ledger's error classes (wire-contract §7.9), as the end of "Sync failed: …". */
const ERROR_CLASSES: Readonly<Record<string, (provider: string) => string>> = {
  auth: (p) => `the ledger could not sign in to ${p}; reconnect ${p} at the ledger`,
  not_found: (p) => `a record it refers to was not found, in the store or in ${p}`,
  validation: (p) => `${p} rejected the data as invalid`,
  rate_limited: (p) => `${p} turned the ledger away for sending too much at once`,
  provider: (p) => `${p} reported an error`,
  http: (p) => `the ledger’s call to ${p} failed`,
  database: () => 'the ledger hit a database error',
  serde: () => 'the ledger could not read the data it received',
  internal: () => 'the ledger hit an internal error',
};

/**
 * Why a skipped or failed document is so, in a sentence or two: the code in
 * words (the code itself in brackets), then the ledger's own message when
 * its callback carried one. Null for other statuses.
 *
 * @example statusReason(record, 'Sage Accounting')
 * // 'Sync failed: Sage Accounting rejected the data as invalid (validation). The ledger says: “Contact has no email.”'
 */
export function statusReason(record: SyncStateRecord | null, providerName: string): string | null {
  if (!record || (record.status !== 'skipped' && record.status !== 'failed')) return null;
  const said = record.message ? ` The ledger says: “${record.message}”` : '';
  if (record.status === 'skipped') {
    const code = record.skipReason;
    const words = code ? SKIP_REASONS[code.toLowerCase()] : undefined;
    const why = words ? `${words} (${code})` : code ? `of the ledger’s sync policy (${code})` : 'of the ledger’s sync policy';
    return `Not sent to ${providerName} because ${why}.${said}`;
  }
  const code = record.errorCode;
  const words = code ? ERROR_CLASSES[code.toLowerCase()]?.(providerName) : undefined;
  const why = words ? `${words} (${code})` : code ? `error ${code}` : 'the ledger gave no reason';
  return `Sync failed: ${why}.${said}`;
}
