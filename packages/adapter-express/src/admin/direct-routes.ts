import { DIRECT_CONNECT_TTL_SECONDS, type DirectConnection, type Provider, directBrowserCookieName } from '@byte8/core';
import type { Request } from 'express';
import type { AdminRouteTools } from './admin-route-tools.js';

/**
 * The OAuth routes of a provider in direct mode, under the admin (so behind
 * the host's admin auth), all relative to the router's mount path:
 *
 * - `POST providers/:key/connect` (CSRF): a new `state` + PKCE bound to this
 *   browser by an HttpOnly, SameSite=Lax cookie, then a 303 to the provider;
 * - `GET providers/:key/oauth/callback`: checks state and cookie, exchanges
 *   the code, stores the connection, and shows the outcome on the config page;
 * - `POST providers/:key/business` (CSRF, `business_id`): the business choice;
 * - `POST providers/:key/disconnect` (CSRF): revoke at the provider, clear the tokens.
 *
 * The callback is where the provider's redirect lands: register
 * `<admin base URL>/providers/<key>/oauth/callback` as the app's redirect URI.
 */
export const DIRECT_CALLBACK_PATH = 'oauth/callback';

export async function directCallback(connection: DirectConnection, request: Request, tools: AdminRouteTools): Promise<void> {
  const cookie = directBrowserCookieName(connection.provider);
  const binding = tools.cookies.get(cookie) ?? null;
  // Used or not, the binding is spent: a later callback must start again.
  tools.setCookie(cookie, '', { maxAgeSeconds: 0, sameSite: 'Lax' });
  const outcome = await connection.completeConnect({ query: request.query as Record<string, unknown>, browserBinding: binding });
  // The callback is a navigation that began on the provider's site: a Strict flash cookie would not come back.
  tools.redirectWith({ kind: outcome.ok ? 'success' : 'error', message: outcome.message }, `${tools.base}/config#${connection.provider}`, 'Lax');
}

/** Handles a direct-mode POST action; false when `action` is not one of them. */
export async function directAction(connection: DirectConnection, provider: Provider, action: string, form: Record<string, unknown>, tools: AdminRouteTools): Promise<boolean> {
  const back = `${tools.base}/config#${provider.key}`;
  if (action === 'connect') {
    const start = await connection.beginConnect();
    tools.setCookie(directBrowserCookieName(connection.provider), start.browserBinding, { maxAgeSeconds: DIRECT_CONNECT_TTL_SECONDS, sameSite: 'Lax' });
    tools.redirectAway(start.authorizeUrl);
    return true;
  }
  if (action === 'business') {
    const outcome = await connection.chooseBusiness(form.business_id);
    tools.redirectWith({ kind: outcome.ok ? 'success' : 'error', message: outcome.message }, back);
    return true;
  }
  if (action === 'disconnect') {
    const { wasConnected, revoked } = await connection.disconnect();
    const name = connection.serviceName;
    const message = !wasConnected
      ? 'Already disconnected.'
      : revoked
        ? `Disconnected from ${name}: access was revoked at ${name} and the tokens were deleted here.`
        : `Disconnected here (the tokens were deleted); ${name} did not confirm the revoke, so remove the app in ${name} to be sure.`;
    tools.redirectWith({ kind: 'success', message }, back);
    return true;
  }
  return false;
}
