import { businessJson, financialSettingsJson, userJson } from '../accounts/account-json.js';
import type { AccountDirectory } from '../accounts/account-directory.js';
import { recordNotFound } from '../http/sage-error.js';
import { jsonReply, type SageReply } from '../http/sage-reply.js';
import { listEnvelope } from './list-page.js';
import type { ApiPrincipal } from './api-auth.js';
import { methodNotAllowed } from './resource-routes.js';

/**
 * `/businesses`, `/businesses/lead`, `/businesses/{id}`, `/user` (c.1, c.5) and
 * `/financial_settings`; null when the path is none of them.
 */
export function routeAccounts(directory: AccountDirectory, principal: ApiPrincipal, method: string, segments: readonly string[], query: URLSearchParams): SageReply | null {
  const [first, second] = segments;
  const json = (business = principal.business) => businessJson(business, directory.owner(business.id));
  const readOnly = (reply: () => SageReply) => {
    if (method !== 'GET') throw methodNotAllowed(['GET']);
    return reply();
  };
  if (first === 'user' && segments.length === 1) return readOnly(() => jsonReply(200, userJson(principal.user)));
  if (first === 'financial_settings' && segments.length === 1) return readOnly(() => jsonReply(200, financialSettingsJson(principal.business)));
  if (first !== 'businesses' || segments.length > 2) return null;
  const reachable = directory.businessesOf(principal.user.id);
  if (second === undefined) return readOnly(() => jsonReply(200, listEnvelope(reachable.map((business) => json(business)), query, '/businesses')));
  if (second === 'lead') return readOnly(() => jsonReply(200, json(reachable[0])));
  return readOnly(() => {
    const business = reachable.find((candidate) => candidate.id === second);
    if (business === undefined) throw recordNotFound();
    return jsonReply(200, json(business));
  });
}
