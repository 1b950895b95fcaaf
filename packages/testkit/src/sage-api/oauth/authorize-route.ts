import { parseFormBody } from '../http/form-body.js';
import { htmlReply, redirectReply, type SageReply } from '../http/sage-reply.js';
import { renderAuthorizeError, renderAuthorizePage } from './authorize-page.js';
import type { OAuthContext, OAuthRequest } from './oauth-context.js';
import { isPkceMethod, isPkceString, type PkceChallenge } from './pkce.js';

/** `country` values (c.2): the current list plus the older ones. */
const COUNTRIES = new Set(['CA', 'GB', 'IE', 'DE', 'ES', 'FR', 'US']);
const SCOPES = new Set(['full_access', 'readonly']);

/** The callback URI with `params` added to whatever query it already has. */
function callback(redirectUri: string, params: Readonly<Record<string, string | null>>): SageReply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return redirectReply(url.toString());
}

const callbackError = (redirectUri: string, error: string, description: string, state: string | null) =>
  callback(redirectUri, { error, error_description: description, state });

/**
 * `GET /oauth2/auth/central?filter=apiv3.1&...` (c.2). An unknown client or a
 * redirect URI that is not registered character for character gets an error
 * page (never a redirect to an untrusted place); every other problem goes back
 * to the callback as `?error=`. A good request shows the sign-in page.
 */
export function handleAuthorizeGet(ctx: OAuthContext, query: URLSearchParams, req: OAuthRequest): SageReply {
  const param = (name: string) => query.get(name) ?? undefined;
  const client = ctx.clients.get(param('client_id'));
  req.trace.clientId = client?.clientId ?? null;
  if (client === undefined) return htmlReply(400, renderAuthorizeError('Unknown client_id.'));
  const redirectUri = param('redirect_uri');
  if (redirectUri === undefined || !client.redirectUris.includes(redirectUri)) {
    return htmlReply(400, renderAuthorizeError('The redirect_uri is not registered for this application.'));
  }
  const state = param('state') ?? null;
  const refuse = (error: string, description: string) => {
    req.trace.note = description;
    return callbackError(redirectUri, error, description, state);
  };
  // Without filter=apiv3.1 Sage runs its older v3 flow; the simulator only plays v3.1.
  if (param('filter') !== 'apiv3.1') return refuse('invalid_request', 'filter=apiv3.1 is required');
  if (param('response_type') !== 'code') return refuse('unsupported_response_type', 'response_type must be code');
  const scope = param('scope') ?? 'full_access';
  if (!SCOPES.has(scope)) return refuse('invalid_scope', 'scope must be full_access or readonly');
  const country = param('country')?.toUpperCase() ?? null;
  if (country !== null && !COUNTRIES.has(country)) return refuse('invalid_request', 'unknown country');
  const challengeValue = param('code_challenge');
  const method = param('code_challenge_method');
  let challenge: PkceChallenge | null = null;
  if (challengeValue === undefined) {
    if (method !== undefined) return refuse('invalid_request', 'code_challenge_method without code_challenge');
  } else {
    if (!isPkceString(challengeValue)) return refuse('invalid_request', 'code_challenge must be 43-128 unreserved characters');
    // RFC 7636 §4.3: plain when no method is named.
    const chosen = method ?? 'plain';
    if (!isPkceMethod(chosen)) return refuse('invalid_request', 'code_challenge_method must be S256 or plain');
    challenge = { value: challengeValue, method: chosen };
  }
  const requestId = ctx.pending.put(
    { clientId: client.clientId, clientName: client.name ?? client.clientId, redirectUri, scope, state, challenge, country },
    ctx.nowMs(),
  );
  const users = ctx.directory.users().map((user) => ({
    userId: user.id,
    label: `${user.firstName} ${user.lastName} (${ctx.directory
      .businessesOf(user.id)
      .map((business) => business.profile.name)
      .join(', ')})`,
  }));
  return htmlReply(200, renderAuthorizePage({ requestId, clientName: client.name ?? client.clientId, scope, users }));
}

/** `POST /oauth2/auth/central`: the user's Allow or Deny from the sign-in page. */
export function handleAuthorizeDecision(ctx: OAuthContext, req: OAuthRequest): SageReply {
  const form = parseFormBody(req.body);
  const pending = ctx.pending.take(form.get('request_id') ?? '');
  if (pending === undefined || pending.expiresAtMs <= ctx.nowMs()) return htmlReply(400, renderAuthorizeError('This sign-in request has expired or was already used. Start again from the application.'));
  req.trace.clientId = pending.clientId;
  if (form.get('decision') !== 'allow') {
    ctx.stats.authorizations.denied += 1;
    req.trace.note = 'denied';
    return callbackError(pending.redirectUri, 'access_denied', 'The user denied access', pending.state);
  }
  const user = ctx.directory.user(form.get('user_id') ?? '');
  if (user === undefined) return htmlReply(400, renderAuthorizeError('Unknown user.'));
  req.trace.userId = user.id;
  const country = ctx.directory.businessesOf(user.id)[0]!.profile.countryId;
  // (c.2) the country asked for must match the user's business.
  if (pending.country !== null && pending.country !== country) {
    req.trace.note = 'country does not match the business';
    return callbackError(pending.redirectUri, 'invalid_request', 'The business belongs to another country', pending.state);
  }
  ctx.stats.authorizations.allowed += 1;
  const code = ctx.codes.put(
    { clientId: pending.clientId, redirectUri: pending.redirectUri, userId: user.id, scope: pending.scope, challenge: pending.challenge },
    ctx.nowMs(),
  );
  return callback(pending.redirectUri, { code, country, state: pending.state });
}
