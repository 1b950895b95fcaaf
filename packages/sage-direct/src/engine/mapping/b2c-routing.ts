import type { Contact } from '@byte8/core';
import type { SagePolicy } from '../policy/sage-policy.js';

/**
 * (b.7) individual contact or the shared fallback, first match wins:
 * disabled; a company with `alwaysIndividualForB2b`; a repeat customer (a
 * contact already exists for this customer in this currency, sticky); a
 * grand total at or above `minTotalForIndividual` (when set); else fallback.
 */
export function routesToFallback(policy: SagePolicy, customer: Contact, grandTotal: number, hasIndividualContact: boolean): boolean {
  const settings = policy.b2cConsolidation;
  if (!settings.enabled) return false;
  if (settings.alwaysIndividualForB2b && (customer.company?.trim() ?? '') !== '') return false;
  if (hasIndividualContact) return false;
  if (settings.minTotalForIndividual > 0 && grandTotal >= settings.minTotalForIndividual) return false;
  return true;
}
