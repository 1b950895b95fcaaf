import type { FieldReader } from '../validation/field-reader.js';

/** The address fields shared by contacts and artefacts (c.6). */
export interface AddressJson {
  readonly address_line_1: string | null;
  readonly address_line_2: string | null;
  readonly city: string | null;
  readonly region: string | null;
  readonly postal_code: string | null;
  readonly country: { readonly id: string; readonly displayed_as: string; readonly $path: string } | null;
  readonly [field: string]: unknown;
}

/**
 * Reads an address. With `limits`, the (c.7) lengths of contact addresses
 * apply (lines, city, region, name 50; postal code 10); the spec gives no
 * limits for artefact addresses, so they are not checked there.
 */
export function readAddress(reader: FieldReader | undefined, options: { readonly limits: boolean }): AddressJson | null {
  if (reader === undefined) return null;
  const max = (n: number) => (options.limits ? n : undefined);
  const country = reader.text('country_id');
  // ISO 3166 alpha-2, as `/countries` ids are; the simulator does not hold the country list itself.
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) reader.violations.add(reader.source('country'), "Couldn't find Country.");
  const address: AddressJson = {
    address_line_1: reader.text('address_line_1', { max: max(50) }) ?? null,
    address_line_2: reader.text('address_line_2', { max: max(50) }) ?? null,
    city: reader.text('city', { max: max(50) }) ?? null,
    region: reader.text('region', { max: max(50) }) ?? null,
    postal_code: reader.text('postal_code', { max: max(10) }) ?? null,
    country: country === undefined ? null : { id: country, displayed_as: country, $path: `/countries/${country}` },
  };
  if (!options.limits) return address;
  return {
    ...address,
    name: reader.text('name', { max: 50 }) ?? null,
    address_type: reader.has('address_type_id') ? { id: reader.text('address_type_id'), displayed_as: reader.text('address_type_id') } : null,
    is_main_address: reader.bool('is_main_address') ?? false,
  };
}

/** True when an address carries something to print on an invoice (its first line). */
export function isUsableAddress(address: AddressJson | null): boolean {
  return address !== null && (address.address_line_1 ?? '').trim() !== '';
}
