import { type Address, type Contact, formatWireTimestamp } from '@byte8/core';
import type { Selectable } from 'kysely';
import type { ShopTables } from '../db/shop-tables.js';
import { WEBSITE_ID } from '../domain/shop-deps.js';

type CustomerRow = Selectable<ShopTables['shop_customers']>;

/** The demo keeps one address per customer: billing and shipping (§8.3 emits both kinds). */
export function addressOf(customer: Pick<CustomerRow, 'street' | 'city' | 'postcode' | 'country_id' | 'phone'>, kind: Address['kind']): Address {
  return {
    kind,
    street: customer.street.split('\n').map((line) => line.trim()).filter(Boolean),
    city: customer.city,
    postcode: customer.postcode || null,
    country_id: customer.country_id.trim(),
    telephone: customer.phone || null,
  };
}

/** Contact of a registered customer (wire-contract §8.3). */
export function contactOf(customer: CustomerRow): Contact {
  return {
    magento_id: customer.id,
    email: customer.email,
    first_name: customer.first_name || null,
    last_name: customer.last_name || null,
    company: customer.company || null,
    phone: customer.phone || null,
    website_id: WEBSITE_ID,
    group_id: 1,
    addresses: [addressOf(customer, 'billing'), addressOf(customer, 'shipping')],
    created_at: formatWireTimestamp(customer.created_at),
    updated_at: formatWireTimestamp(customer.updated_at),
  };
}

/** A guest order's synthetic contact: `magento_id` 0, website 0 (§8.1). */
export function guestContactOf(order: { email: string; first_name: string; last_name: string; created_at: Date }): Contact {
  return {
    magento_id: 0,
    email: order.email,
    first_name: order.first_name || null,
    last_name: order.last_name || null,
    website_id: 0,
    addresses: [],
    created_at: formatWireTimestamp(order.created_at),
    updated_at: formatWireTimestamp(order.created_at),
  };
}
