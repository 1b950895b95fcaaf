import type { Address } from '@byte8/core';
import type { GraphAddress } from './graph-types.js';

const blankToNull = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value.trim() : null);

/** A Medusa address as a wire address; null when it has no usable country. */
export function toAddress(address: GraphAddress | null | undefined, kind: Address['kind']): Address | null {
  if (!address) return null;
  const country = address.country_code?.trim().toUpperCase() ?? '';
  if (country.length !== 2) return null;
  return {
    kind,
    street: [address.address_1, address.address_2].map(blankToNull).filter((line): line is string => line !== null),
    city: address.city?.trim() ?? '',
    region: blankToNull(address.province),
    postcode: blankToNull(address.postal_code),
    country_id: country,
    telephone: blankToNull(address.phone),
  };
}
