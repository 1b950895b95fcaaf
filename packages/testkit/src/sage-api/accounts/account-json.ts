import type { SeededUser } from '../seed/seeded-accounts.js';
import { SEEDED_AT } from '../seed/seeded-at.js';
import type { SageRecord } from '../store/sage-record.js';
import type { SimBusiness } from '../store/sim-business.js';

const COUNTRY_NAMES: Readonly<Record<string, string>> = { GB: 'United Kingdom (GB)' };

/** A business as `GET /businesses/{id}` and `/businesses/lead` answer it (core business API). */
export function businessJson(business: SimBusiness, owner: SeededUser | undefined): SageRecord {
  const { id, name, countryId } = business.profile;
  return {
    id,
    displayed_as: name,
    $path: `/businesses/${id}`,
    name,
    address_line_1: '1 High Street',
    address_line_2: null,
    city: 'London',
    region: null,
    postal_code: 'SW1A 1AA',
    country: { id: countryId, displayed_as: COUNTRY_NAMES[countryId] ?? countryId, $path: `/countries/${countryId}` },
    telephone: null,
    mobile: null,
    website: null,
    is_demo: false,
    owner: owner === undefined ? null : { id: owner.id, displayed_as: `${owner.firstName} ${owner.lastName}`, $path: '/user' },
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT,
  };
}

/** `GET /user`: the user a token belongs to. */
export function userJson(user: SeededUser): SageRecord {
  return {
    id: user.id,
    displayed_as: `${user.firstName} ${user.lastName}`,
    $path: '/user',
    first_name: user.firstName,
    last_name: user.lastName,
    initials: `${user.firstName[0]}${user.lastName[0]}`,
    email: user.email,
    locale: 'en-GB',
    created_at: SEEDED_AT,
    updated_at: SEEDED_AT,
  };
}

/** `GET /financial_settings`: where a connector learns the base currency (not in (c.5), but what Sage offers for it). */
export function financialSettingsJson(business: SimBusiness): SageRecord {
  const base = business.profile.baseCurrencyId;
  return {
    id: business.id,
    displayed_as: 'Financial Settings',
    $path: '/financial_settings',
    base_currency: { id: base, displayed_as: base, $path: `/currencies/${base}` },
    multi_currency_enabled: true,
    use_live_exchange_rates: false,
    accounting_type: 'accrual',
    tax_number: 'GB123456789',
    year_end_date: '2026-12-31',
  };
}
