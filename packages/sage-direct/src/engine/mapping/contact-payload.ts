import type { Address, Contact } from '@byte8/core';
import type { SagePolicy } from '../policy/sage-policy.js';
import { billingOf, sageAddress, shippingOf } from './address-payload.js';
import { type ContactIdentity, contactName, currencySuffix } from './contact-identity.js';
import { fit } from './text-fields.js';

/**
 * `POST /contacts` body (c.6) for a customer in one currency (b.6): the
 * reference of `identity`, ` (EUR)` on the name, the currency, both
 * addresses (b.8 §17), the person with email and phone. With `Person`
 * priority the company goes on the address's `name` (e.15: the spec has no
 * `main_address.company`).
 */
export function individualContactBody(customer: Contact, identity: ContactIdentity, policy: SagePolicy, documentAddresses?: { billing?: Address | null; shipping?: Address | null }) {
  const { name, person, company } = contactName(customer, policy);
  const suffix = currencySuffix(identity.currency, policy);
  const billing = billingOf(documentAddresses?.billing, customer.addresses);
  const shipping = shippingOf(documentAddresses?.shipping, customer.addresses) ?? billing;
  const addressName = policy.customerNamePriority === 'Person' ? company : null;
  return {
    contact: {
      name: `${name.slice(0, 100 - suffix.length)}${suffix}`,
      contact_type_ids: ['CUSTOMER'],
      reference: identity.reference,
      currency_id: identity.currency,
      main_address: sageAddress(billing, addressName),
      delivery_address: sageAddress(shipping, addressName),
      main_contact_person: {
        contact_person_type_ids: ['ACCOUNTS'],
        name: fit(person ?? name, 50),
        email: fit(customer.email, 100),
        telephone: fit(customer.phone ?? billing?.telephone, 50),
        is_main_contact: true,
      },
    },
  };
}

/** (b.7) the fallback contact: the configured name and email, no address (each invoice carries the buyer's). */
export function fallbackContactBody(identity: ContactIdentity, policy: SagePolicy) {
  const settings = policy.b2cConsolidation;
  const suffix = currencySuffix(identity.currency, policy);
  return {
    contact: {
      name: `${settings.fallbackContactName.slice(0, 100 - suffix.length)}${suffix}`,
      contact_type_ids: ['CUSTOMER'],
      reference: identity.reference,
      currency_id: identity.currency,
      main_contact_person: { contact_person_type_ids: ['ACCOUNTS'], name: fit(settings.fallbackContactName, 50), email: settings.fallbackContactEmail, is_main_contact: true },
    },
  };
}
