import { recordInvalid } from '../http/sage-error.js';
import { VISIBILITY_SCOPES } from '../seed/uk-ledger-accounts.js';
import type { SageRecord } from '../store/sage-record.js';
import { isCalendarDate } from '../validation/field-reader.js';

/** Parses (and checks) a query value once, then tests records against it. */
type Filter = (value: string) => (record: SageRecord) => boolean;

const refId = (record: SageRecord, field: string) => (record[field] as { id?: string } | null | undefined)?.id;
const lower = (value: unknown) => String(value ?? '').toLowerCase();

/** A date or date-time with offset (c.3), as epoch ms; a bare date means its midnight UTC. */
export function parseSince(name: string, value: string): number {
  const ms = isCalendarDate(value) ? Date.parse(`${value}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw recordInvalid(name, 'is not a valid date or date-time');
  return ms;
}

function checkedDate(name: string, value: string): string {
  if (!isCalendarDate(value)) throw recordInvalid(name, 'is not a valid date');
  return value;
}

function checkedScope(name: string, value: string): string {
  if (!(VISIBILITY_SCOPES as readonly string[]).includes(value)) throw recordInvalid(name, `must be one of ${VISIBILITY_SCOPES.join(', ')}`);
  return `visible_in_${value}`;
}

function checkedBoolean(name: string, value: string): boolean {
  if (value !== 'true' && value !== 'false') throw recordInvalid(name, 'must be true or false');
  return value === 'true';
}

/** The list filters of (c.3) the connector uses; a resource names the ones it understands. */
const FILTERS = {
  contact_id: (value) => (record) => refId(record, 'contact') === value,
  status_id: (value) => (record) => refId(record, 'status') === value,
  email: (value) => (record) => lower(record.email) === value.toLowerCase(),
  contact_type_id: (value) => (record) => ((record.contact_types as { id: string }[] | undefined) ?? []).some((type) => type.id === value),
  updated_or_created_since: (value) => {
    const since = parseSince('updated_or_created_since', value);
    return (record) => Date.parse(String(record.updated_at)) >= since;
  },
  from_date: (value) => {
    const from = checkedDate('from_date', value);
    return (record) => String(record.date) >= from;
  },
  to_date: (value) => {
    const to = checkedDate('to_date', value);
    return (record) => String(record.date) <= to;
  },
  visible_in: (value) => {
    const flag = checkedScope('visible_in', value);
    return (record) => record[flag] === true;
  },
  not_visible_in: (value) => {
    const flag = checkedScope('not_visible_in', value);
    return (record) => record[flag] !== true;
  },
  ledger_account_type_id: (value) => (record) => refId(record, 'ledger_account_type') === value,
  transaction_type_id: (value) => (record) => refId(record, 'transaction_type') === value,
  bank_account_id: (value) => (record) => refId(record, 'bank_account') === value,
  stock_item_id: (value) => (record) => refId(record, 'stock_item') === value,
  active: (value) => {
    const wanted = checkedBoolean('active', value);
    return (record) => record.active === wanted;
  },
  out_of_stock: (value) => {
    const wanted = checkedBoolean('out_of_stock', value);
    return (record) => (Number(record.quantity_in_stock) <= 0) === wanted;
  },
} satisfies Record<string, Filter>;

export type FilterName = keyof typeof FILTERS;

/**
 * Applies `search` and the named filters present in `query`. `deleted_since`
 * is not a filter here: it switches a list to the deleted objects (c.3).
 */
export function applyFilters(
  records: readonly SageRecord[],
  query: URLSearchParams,
  filters: readonly FilterName[],
  searchIn: ((record: SageRecord) => readonly unknown[]) | undefined,
): SageRecord[] {
  let out = [...records];
  const search = query.get('search');
  if (search !== null && search !== '' && searchIn !== undefined) {
    const needle = search.toLowerCase();
    out = out.filter((record) => searchIn(record).some((text) => text !== null && text !== undefined && lower(text).includes(needle)));
  }
  for (const name of filters) {
    const value = query.get(name);
    if (value === null || value === '') continue;
    const filter: Filter = FILTERS[name];
    out = out.filter(filter(value));
  }
  return out;
}
