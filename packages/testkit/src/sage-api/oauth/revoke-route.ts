import { hasMediaType, parseFormBody } from '../http/form-body.js';
import { jsonReply, type SageReply } from '../http/sage-reply.js';
import { authenticateClient } from './client-credentials.js';
import type { OAuthContext, OAuthRequest } from './oauth-context.js';
import { oauthError } from './token-route.js';

/**
 * `POST /revoke` (c.2): revokes a refresh token and every token rotated from
 * it; answers `{"success":"ok"}`. An access token or an unknown token is
 * accepted and changes nothing (access tokens live out their 5 minutes;
 * RFC 7009 §2.2 answers 200 for tokens the server does not know).
 */
export function handleRevoke(ctx: OAuthContext, req: OAuthRequest): SageReply {
  if (!hasMediaType(req.headers['content-type'], 'application/x-www-form-urlencoded')) {
    return oauthError(ctx, req, 400, 'invalid_request', 'body must be application/x-www-form-urlencoded');
  }
  const form = parseFormBody(req.body);
  const client = authenticateClient(ctx, form, req.headers);
  if (client === undefined) return oauthError(ctx, req, 401, 'invalid_client', 'unknown client or wrong secret');
  req.trace.clientId = client.clientId;
  const token = form.get('token');
  if (token === undefined || token === '') return oauthError(ctx, req, 400, 'invalid_request', 'token is missing');
  const owner = ctx.tokens.refreshClient(token);
  if (owner !== undefined && owner !== client.clientId) return oauthError(ctx, req, 400, 'invalid_grant', 'token of another client');
  if (owner !== undefined) {
    const killed = ctx.tokens.revokeRefresh(token);
    req.trace.note = `revoked ${killed} live refresh token(s)`;
  } else {
    req.trace.note = ctx.tokens.isAccessToken(token) ? 'access token: lives out its 5 minutes' : 'unknown token';
  }
  ctx.stats.revocations += 1;
  return jsonReply(200, { success: 'ok' });
}
