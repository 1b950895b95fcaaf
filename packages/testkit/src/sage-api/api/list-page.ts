import { recordInvalid } from '../http/sage-error.js';
import type { SageRecord } from '../store/sage-record.js';

/** (c.3) default and maximum page sizes. */
export const DEFAULT_ITEMS_PER_PAGE = 20;
export const MAX_ITEMS_PER_PAGE = 200;

function positiveInteger(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw recordInvalid(name, 'must be a positive integer');
  return Number(raw);
}

/** `sort=<attr>` or `sort=<attr>:desc` (c.3); stable, so equal keys keep their creation order. */
export function sortRecords(records: SageRecord[], sort: string | null): SageRecord[] {
  if (sort === null || sort === '') return records;
  const [field, direction = 'asc'] = sort.split(':');
  if (!field || (direction !== 'asc' && direction !== 'desc')) throw recordInvalid('sort', 'must be <attribute> or <attribute>:desc');
  const sign = direction === 'desc' ? -1 : 1;
  const key = (record: SageRecord) => record[field!] as string | number | null | undefined;
  return [...records].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (x < y ? -1 : 1) * sign;
  });
}

/** `attributes=all` shows everything; a comma list adds those fields to `id`, `displayed_as`, `$path` (c.3). */
function shape(record: SageRecord, attributes: string | null): SageRecord {
  if (attributes === 'all') return structuredClone(record);
  const item: Record<string, unknown> = { id: record.id, displayed_as: record.displayed_as, $path: record.$path };
  if (attributes !== null && attributes !== '') {
    for (const name of attributes.split(',').map((part) => part.trim())) if (name in record) item[name] = structuredClone(record[name]);
  }
  return item as SageRecord;
}

/**
 * The paged envelope of (c.3). `items_per_page` above 200 is clamped to 200,
 * not refused: the guide gives the maximum without saying that more is an
 * error, and a lenient server is the safer model for a client that asks for
 * "as many as allowed". Zero, negative or non-numeric values are refused
 * (422), and a page beyond the end answers the last page. `$next`/`$back`
 * are relative to the API base like `$path`, keeping the other parameters.
 */
export function listEnvelope(records: readonly SageRecord[], query: URLSearchParams, path: string): Record<string, unknown> {
  const perPage = Math.min(positiveInteger(query, 'items_per_page', DEFAULT_ITEMS_PER_PAGE), MAX_ITEMS_PER_PAGE);
  const lastPage = Math.max(1, Math.ceil(records.length / perPage));
  const page = Math.min(positiveInteger(query, 'page', 1), lastPage);
  const link = (target: number) => {
    const params = new URLSearchParams(query);
    params.set('page', String(target));
    params.set('items_per_page', String(perPage));
    return `${path}?${params.toString()}`;
  };
  const attributes = query.get('attributes');
  return {
    $total: records.length,
    $page: page,
    $next: page < lastPage ? link(page + 1) : null,
    $back: page > 1 ? link(page - 1) : null,
    $itemsPerPage: perPage,
    $items: records.slice((page - 1) * perPage, page * perPage).map((record) => shape(record, attributes)),
  };
}
