import type { Address, Contact } from '@byte8/core';
import type { GraphCustomer, GraphOrder } from './graph-types.js';
import { wireTime } from './timestamps.js';
import { toAddress } from './to-address.js';

const blankToNull = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value.trim() : null);

/** A registered customer counts as a profile; Medusa's guest checkouts create customers without an account. */
export function isRegistered(customer: GraphCustomer | null | undefined): customer is GraphCustomer {
  return Boolean(customer?.has_account);
}

function orderAddresses(order: GraphOrder): Address[] {
  const billing = toAddress(order.billing_address, 'billing');
  const shipping = toAddress(order.shipping_address, 'shipping');
  return [billing, shipping].filter((a): a is Address => a !== null);
}

/**
 * Contact of a registered customer (wire-contract §8.3): default billing and
 * default shipping addresses; with none, the most recent order's addresses
 * plus its billing company and phone.
 */
export function toProfileContact(
  customer: GraphCustomer,
  wireId: number,
  websiteId: number,
  latestOrder?: GraphOrder | null,
): Contact {
  const addresses: Address[] = [];
  for (const address of customer.addresses ?? []) {
    if (address.is_default_billing) {
      const mapped = toAddress(address, 'billing');
      if (mapped) addresses.push(mapped);
    }
  }
  for (const address of customer.addresses ?? []) {
    if (address.is_default_shipping) {
      const mapped = toAddress(address, 'shipping');
      if (mapped) addresses.push(mapped);
    }
  }
  let company = blankToNull(customer.company_name);
  let phone = blankToNull(customer.phone) ?? addresses.find((a) => a.telephone)?.telephone ?? null;
  if (addresses.length === 0 && latestOrder) {
    addresses.push(...orderAddresses(latestOrder));
    company ??= blankToNull(latestOrder.billing_address?.company);
    phone ??= blankToNull(latestOrder.billing_address?.phone);
  }
  return {
    magento_id: wireId,
    email: customer.email ?? '',
    first_name: blankToNull(customer.first_name),
    last_name: blankToNull(customer.last_name),
    company,
    phone,
    website_id: websiteId,
    addresses,
    created_at: wireTime(customer.created_at),
    updated_at: wireTime(customer.updated_at),
  };
}

/** Synthetic guest contact from an order (`magento_id` 0, website 0; wire-contract §8.1). */
export function toGuestContact(order: GraphOrder): Contact {
  const billing = order.billing_address ?? order.shipping_address ?? null;
  return {
    magento_id: 0,
    email: order.email ?? order.customer?.email ?? '',
    first_name: blankToNull(billing?.first_name ?? order.customer?.first_name),
    last_name: blankToNull(billing?.last_name ?? order.customer?.last_name),
    company: blankToNull(order.billing_address?.company),
    phone: blankToNull(order.billing_address?.phone),
    website_id: 0,
    addresses: orderAddresses(order),
    created_at: wireTime(order.created_at),
    updated_at: wireTime(order.updated_at),
  };
}

/**
 * The invoice's customer: the profile enriched with the order's billing and
 * shipping address when the profile lacks them (wire-contract §8.1).
 */
export function enrichWithOrder(contact: Contact, order: GraphOrder): Contact {
  const addresses = [...contact.addresses];
  let appended = false;
  if (!addresses.some((a) => a.kind === 'billing')) {
    const billing = toAddress(order.billing_address, 'billing');
    if (billing) {
      addresses.push(billing);
      appended = true;
    }
  }
  if (!addresses.some((a) => a.kind === 'shipping')) {
    const shipping = toAddress(order.shipping_address, 'shipping');
    if (shipping) {
      addresses.push(shipping);
      appended = true;
    }
  }
  if (!appended) return contact;
  return {
    ...contact,
    addresses,
    company: contact.company ?? blankToNull(order.billing_address?.company),
    phone: contact.phone ?? blankToNull(order.billing_address?.phone),
  };
}
