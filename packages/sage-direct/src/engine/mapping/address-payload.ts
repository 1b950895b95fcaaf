import type { Address } from '@byte8/core';
import { fit } from './text-fields.js';

/** A Sage address body (c.6), cut to the limits of c.7 (lines, city, region 50; postal code 10). */
export interface SageAddress {
  readonly address_line_1: string | null;
  readonly address_line_2: string | null;
  readonly city: string | null;
  readonly region: string | null;
  readonly postal_code: string | null;
  readonly country_id: string;
  readonly name?: string;
}

export function sageAddress(address: Address | null | undefined, name?: string | null): SageAddress | null {
  if (!address) return null;
  const [line1, ...rest] = address.street;
  const out: SageAddress = {
    address_line_1: fit(line1, 50),
    address_line_2: fit(rest.join(', '), 50),
    city: fit(address.city, 50),
    region: fit(address.region, 50),
    postal_code: fit(address.postcode, 10),
    country_id: address.country_id.toUpperCase(),
  };
  const label = fit(name, 50);
  return label ? { ...out, name: label } : out;
}

/** The billing address of a document, else the customer's, else none. */
export function billingOf(documentBilling: Address | null | undefined, addresses: readonly Address[]): Address | null {
  return documentBilling ?? addresses.find((a) => a.kind === 'billing') ?? addresses[0] ?? null;
}

export function shippingOf(documentShipping: Address | null | undefined, addresses: readonly Address[]): Address | null {
  return documentShipping ?? addresses.find((a) => a.kind === 'shipping') ?? null;
}
