import { ensureObject } from '../exactly-once/ensure-object.js';
import { findByReference, type SageItem } from '../exactly-once/sage-lookups.js';
import { individualIdentity } from '../mapping/contact-identity.js';
import { individualContactBody } from '../mapping/contact-payload.js';
import { type DeliveryContext, PolicySkip, required } from './delivery-context.js';
import { contactRef, takenReference } from './ensure-contact.js';

/**
 * `customer.upserted` (a.3): the customer's contact in the base currency,
 * created once and updated (PUT) on later saves, with its other currency
 * contacts (b.6) updated too. With B2C consolidation on, a customer with no
 * contact yet gets one at their first individually routed invoice (b.7), so
 * the save is skipped `contact_created_on_first_invoice`.
 */
export async function deliverCustomer(ctx: DeliveryContext): Promise<void> {
  const customer = await required(ctx.source.customer(ctx.entityId), 'customer', ctx.entityId);
  const { scope, xrefs } = ctx.ensure;
  const contacts = await xrefs.listByPrefix(scope, 'contact', `${customer.magento_id}:`);
  if (ctx.policy.b2cConsolidation.enabled && contacts.length === 0) {
    throw new PolicySkip('contact_created_on_first_invoice', 'B2C consolidation is on: the contact is created with the first invoice routed to this customer (b.7)');
  }
  const base = individualIdentity(customer, ctx.policy.baseCurrency, ctx.policy);
  const known = contacts.find((xref) => xref.hostKey === base.hostKey && xref.providerId !== null);
  let primary = known ? { id: known.providerId!, reference: known.reference } : null;
  if (primary === null) {
    const body = individualContactBody(customer, base, ctx.policy);
    primary = (
      await ensureObject(ctx.ensure, {
        kind: 'contact',
        hostKey: base.hostKey,
        lookup: async () => {
          const found = await findByReference(ctx.api, '/contacts', base.reference);
          return found ? contactRef(found) : null;
        },
        create: async () => contactRef((await ctx.api.post<SageItem>('/contacts', body)).body),
        isDuplicate: takenReference,
      })
    ).ref;
  }
  for (const xref of contacts) {
    if (xref.providerId === null || (xref.hostKey === base.hostKey && !known)) continue;
    const currency = xref.hostKey.slice(xref.hostKey.lastIndexOf(':') + 1);
    await ctx.api.put(`/contacts/${xref.providerId}`, individualContactBody(customer, individualIdentity(customer, currency, ctx.policy), ctx.policy));
  }
  await ctx.chip({ status: 'synced', providerEntityId: primary.id, providerReference: primary.reference ?? base.reference });
}
