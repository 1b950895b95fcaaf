import { createHash } from 'node:crypto';
import type { Contact } from '@byte8/core';
import type { SagePolicy } from '../policy/sage-policy.js';

/** Which Sage contact a customer's documents in one currency go to (b.6, b.7, b.8 §23). */
export interface ContactIdentity {
  /** Cross-reference kind: `contact` (one per customer and currency) or `contact_fallback` (B2C). */
  readonly kind: 'contact' | 'contact_fallback';
  readonly hostKey: string;
  /** Sage `reference`, at most 10 characters (c.7). */
  readonly reference: string;
  readonly currency: string;
}

/** (b.6) the one-letter currency initial of a non-base currency (`M5E` for EUR); none for the base currency. */
export function currencyInitial(currency: string, policy: SagePolicy): string {
  return currency === policy.baseCurrency ? '' : currency.charAt(0).toUpperCase();
}

/** (b.6) ` (EUR)` on a non-base-currency contact's name. */
export function currencySuffix(currency: string, policy: SagePolicy): string {
  return currency === policy.baseCurrency ? '' : ` (${currency})`;
}

const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * A customer's identity in one currency. Registered: `M{id}` (+ initial);
 * an id too long for 10 characters is written in base 36. Guests
 * (`magento_id` 0): `G` + hex of SHA-256(email), 9 characters in the base
 * currency and 8 plus the initial otherwise, so the reference stays within
 * 10 (e.13); a repeat guest is the same email (e.14).
 */
export function individualIdentity(customer: Contact, currency: string, policy: SagePolicy): ContactIdentity {
  const initial = currencyInitial(currency, policy);
  if (customer.magento_id > 0) {
    let reference = `M${customer.magento_id}${initial}`;
    if (reference.length > 10) reference = `M${customer.magento_id.toString(36).toUpperCase()}${initial}`;
    return { kind: 'contact', hostKey: `${customer.magento_id}:${currency}`, reference, currency };
  }
  const hash = emailHash(customer.email);
  const reference = `G${hash.slice(0, initial ? 8 : 9).toUpperCase()}${initial}`;
  return { kind: 'contact', hostKey: `guest:${hash.slice(0, 32)}:${currency}`, reference, currency };
}

/** (b.7) the shared B2C contact of one currency: `WEBSALES`, `WEBSALESE`, ... */
export function fallbackIdentity(currency: string, policy: SagePolicy): ContactIdentity {
  const initial = currencyInitial(currency, policy);
  const base = policy.b2cConsolidation.fallbackContactReference;
  return { kind: 'contact_fallback', hostKey: `b2c_fallback:${currency}`, reference: `${base.slice(0, 10 - initial.length)}${initial}`, currency };
}

/** (b.5) `displayed_as` by `customer_name_priority`; the person's name when there is no company, the email when there is neither. */
export function contactName(customer: Contact, policy: SagePolicy): { readonly name: string; readonly person: string | null; readonly company: string | null } {
  const person = [customer.first_name, customer.last_name].filter((part) => part && part.trim() !== '').join(' ').trim() || null;
  const company = customer.company?.trim() || null;
  const name = (policy.customerNamePriority === 'Company' ? (company ?? person) : (person ?? company)) ?? customer.email;
  return { name, person, company };
}
