import type { Address, Contact } from '@byte8/core';
import type { SageApiError } from '../../api/sage-api-error.js';
import { ensureObject, type SageObjectRef } from '../exactly-once/ensure-object.js';
import { findByReference, type SageItem } from '../exactly-once/sage-lookups.js';
import { routesToFallback } from '../mapping/b2c-routing.js';
import { fallbackIdentity, individualIdentity } from '../mapping/contact-identity.js';
import { fallbackContactBody, individualContactBody } from '../mapping/contact-payload.js';
import type { DeliveryContext } from './delivery-context.js';

export const contactRef = (item: SageItem): SageObjectRef => ({ id: item.id, reference: typeof item.reference === 'string' ? item.reference : null });

/** Sage refused a create because the reference is taken: the contact exists (an earlier attempt, another worker). */
export const takenReference = (error: SageApiError): boolean => error.kind === 'invalid' && error.errors.some((item) => item.source === 'reference');

/**
 * The Sage contact a document of `customer` in `currency` goes to, created
 * when missing (a.3, b.6 per-currency contacts, b.7 B2C routing).
 */
export async function ensureContact(
  ctx: DeliveryContext,
  customer: Contact,
  currency: string,
  grandTotal: number,
  addresses?: { billing?: Address | null; shipping?: Address | null },
): Promise<SageObjectRef> {
  const individual = individualIdentity(customer, currency, ctx.policy);
  const known = await ctx.ensure.xrefs.find(ctx.ensure.scope, individual.kind, individual.hostKey);
  // (b.7 rule 3) a customer with a contact in this currency stays individual; an attempt in flight counts.
  const identity = routesToFallback(ctx.policy, customer, grandTotal, known !== null) ? fallbackIdentity(currency, ctx.policy) : individual;
  const body = identity.kind === 'contact_fallback' ? fallbackContactBody(identity, ctx.policy) : individualContactBody(customer, identity, ctx.policy, addresses);
  const { ref } = await ensureObject(ctx.ensure, {
    kind: identity.kind,
    hostKey: identity.hostKey,
    lookup: async () => {
      const found = await findByReference(ctx.api, '/contacts', identity.reference);
      return found ? contactRef(found) : null;
    },
    create: async () => contactRef((await ctx.api.post<SageItem>('/contacts', body)).body),
    isDuplicate: takenReference,
  });
  return ref;
}
