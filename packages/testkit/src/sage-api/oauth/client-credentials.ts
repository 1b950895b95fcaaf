import type { SageClientRegistration } from '../sage-api-options.js';
import type { OAuthContext } from './oauth-context.js';

/**
 * The client of a token or revoke call: `client_id` and `client_secret` in the
 * form, as Sage documents (c.2), or HTTP Basic as RFC 6749 §2.3.1 allows.
 */
export function authenticateClient(ctx: OAuthContext, form: ReadonlyMap<string, string>, headers: Readonly<Record<string, string>>): SageClientRegistration | undefined {
  const basic = /^basic (.+)$/i.exec(headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    return ctx.clients.authenticate(decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1)));
  }
  return ctx.clients.authenticate(form.get('client_id'), form.get('client_secret'));
}
