import type { Provider, SyncStatus } from '@byte8/core';
import { SYNC_STATUSES } from '@byte8/core';
import type { DocumentSort } from '../documents/host-documents.js';

export type ListSort = DocumentSort | 'sync_desc' | 'sync_asc' | 'status_asc' | 'status_desc';

export const LIST_SORTS: readonly ListSort[] = [
  'date_desc', 'date_asc', 'number_desc', 'number_asc', 'total_desc', 'total_asc', 'sync_desc', 'sync_asc', 'status_asc', 'status_desc',
];

/** Sorts the host cannot do: the sync-state mirror pages these. */
export function sortsByMirror(sort: ListSort): boolean {
  return sort.startsWith('sync_') || sort.startsWith('status_');
}

/** A list page's query string, validated; anything unknown falls back to the default. */
export interface DocumentListParams {
  readonly provider: string;
  readonly status: SyncStatus | null;
  readonly sort: ListSort;
  readonly page: number;
}

function first(value: unknown): string | undefined {
  if (Array.isArray(value)) return first(value[0]);
  return typeof value === 'string' ? value : undefined;
}

export function parseDocumentListParams(query: Record<string, unknown>, providers: readonly Provider[]): DocumentListParams {
  const provider = first(query.provider);
  const status = first(query.status);
  const sort = first(query.sort);
  const page = Number.parseInt(first(query.page) ?? '1', 10);
  return {
    provider: providers.some((p) => p.key === provider) ? provider! : providers[0]!.key,
    status: (SYNC_STATUSES as readonly string[]).includes(status ?? '') ? (status as SyncStatus) : null,
    sort: (LIST_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ListSort) : 'date_desc',
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** Query string for a list link, dropping defaults. */
export function listHref(path: string, params: DocumentListParams, change: Partial<DocumentListParams>, defaultProvider: string): string {
  const next = { ...params, ...change };
  const search = new URLSearchParams();
  if (next.provider !== defaultProvider) search.set('provider', next.provider);
  if (next.status) search.set('status', next.status);
  if (next.sort !== 'date_desc') search.set('sort', next.sort);
  if (next.page > 1) search.set('page', String(next.page));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
