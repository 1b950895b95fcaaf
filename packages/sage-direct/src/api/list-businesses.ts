import type { OAuthBusiness } from '@byte8/core';
import type { SageApiClient } from './sage-api-client.js';

interface BusinessItem {
  readonly id?: unknown;
  readonly displayed_as?: unknown;
  readonly name?: unknown;
}

interface BusinessPage {
  readonly $items?: readonly BusinessItem[];
  readonly $next?: unknown;
}

// (c.3) 200 a page at most; a user with more than 2 000 businesses is not a shop.
const PAGE_SIZE = 200;
const MAX_PAGES = 10;

function toBusiness(item: BusinessItem): OAuthBusiness | null {
  if (typeof item?.id !== 'string' || item.id.length === 0 || item.id.length > 64) return null;
  const name = typeof item.displayed_as === 'string' && item.displayed_as ? item.displayed_as : typeof item.name === 'string' && item.name ? item.name : item.id;
  return { id: item.id, name: name.slice(0, 255) };
}

/**
 * Every business the token's user reaches (`GET /businesses`, c.1, paged as
 * c.3), the lead business (`GET /businesses/lead`) first. Called without
 * `X-Business`: the list is the user's, not one business's.
 */
export async function listBusinesses(api: SageApiClient): Promise<OAuthBusiness[]> {
  const found: OAuthBusiness[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { body } = await api.get<BusinessPage>('/businesses', { items_per_page: PAGE_SIZE, page });
    for (const item of body?.$items ?? []) {
      const business = toBusiness(item);
      if (business && !found.some((known) => known.id === business.id)) found.push(business);
    }
    if (typeof body?.$next !== 'string' || body.$next === '') break;
  }
  const lead = toBusiness((await api.get<BusinessItem>('/businesses/lead')).body);
  if (lead === null) return found;
  return [lead, ...found.filter((business) => business.id !== lead.id)];
}
