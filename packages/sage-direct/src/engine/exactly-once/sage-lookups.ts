import type { SageCalls } from '../delivery/retry-after-gate.js';

/** One Sage object as a list answers it with `attributes=all` (c.3). */
export type SageItem = Record<string, unknown> & { readonly id: string };

interface ListPage {
  readonly $items?: SageItem[];
  readonly $next?: string | null;
}

/** Pages looked at before giving up: 200 items a page (c.3), so 10 000 objects. */
const MAX_PAGES = 50;

/**
 * The first object of a list that `matches`, following `$next` page by page
 * (c.3: `items_per_page` <= 200, `attributes=all` for the fields). Sage's
 * `search` is a substring match, so callers always compare exactly.
 */
export async function findInList(
  api: SageCalls,
  path: string,
  query: Readonly<Record<string, string>>,
  matches: (item: SageItem) => boolean,
): Promise<SageItem | null> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { body } = await api.get<ListPage>(path, { ...query, attributes: 'all', items_per_page: 200, page });
    const items = body?.$items ?? [];
    const found = items.find(matches);
    if (found) return found;
    if (!body?.$next || items.length === 0) return null;
  }
  return null;
}

/** A document or contact by its exact `reference` (c.3 `search`). */
export function findByReference(api: SageCalls, path: string, reference: string): Promise<SageItem | null> {
  return findInList(api, path, { search: reference }, (item) => item.reference === reference);
}

/** A catalogue item by its exact `item_code`. */
export function findByItemCode(api: SageCalls, path: string, itemCode: string): Promise<SageItem | null> {
  return findInList(api, path, { search: itemCode }, (item) => item.item_code === itemCode);
}

/** Does an object allocate `artefactId` (a payment allocated to an invoice, an allocation netting a credit note)? */
export function allocates(item: SageItem, artefactId: string): boolean {
  const allocated = (item.allocated_artefacts as { artefact?: { id?: string } }[] | undefined) ?? [];
  return allocated.some((entry) => entry.artefact?.id === artefactId);
}

/** `{ id }` of a nested reference (c.3), or null. */
export function refId(value: unknown): string | null {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}
