import { hasMediaType, parseFormBody } from '../http/form-body.js';
import { jsonReply, type SageReply } from '../http/sage-reply.js';
import { bump } from '../log/sage-api-stats.js';
import { authenticateClient } from './client-credentials.js';
import type { OAuthContext, OAuthRequest } from './oauth-context.js';
import { verifierMatches } from './pkce.js';
import { ACCESS_TOKEN_TTL_SECONDS, type IssuedTokens, REFRESH_TOKEN_TTL_SECONDS } from './token-store.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** An OAuth error answer (c.2: `{"error":"invalid_grant"}`); the reason goes to the log only. */
export function oauthError(ctx: OAuthContext, req: OAuthRequest, status: number, error: string, reason: string): SageReply {
  bump(ctx.stats.tokenErrors, error);
  req.trace.note = reason;
  return jsonReply(status, { error }, NO_STORE);
}

function tokenResponse(tokens: IssuedTokens): SageReply {
  return jsonReply(
    200,
    {
      access_token: tokens.accessToken,
      scope: tokens.grant.scope,
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      refresh_token: tokens.refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS,
      requested_by_id: tokens.grant.userId,
    },
    NO_STORE,
  );
}

/** `POST /token` (c.2): form-encoded, authorization_code or refresh_token. */
export function handleToken(ctx: OAuthContext, req: OAuthRequest): SageReply {
  if (!hasMediaType(req.headers['content-type'], 'application/x-www-form-urlencoded')) {
    return oauthError(ctx, req, 400, 'invalid_request', 'body must be application/x-www-form-urlencoded');
  }
  const form = parseFormBody(req.body);
  const client = authenticateClient(ctx, form, req.headers);
  if (client === undefined) {
    req.trace.clientId = form.get('client_id') ?? null;
    // RFC 6749 §5.2: 401 for a failed client authentication.
    return oauthError(ctx, req, 401, 'invalid_client', 'unknown client or wrong secret');
  }
  req.trace.clientId = client.clientId;
  const grantType = form.get('grant_type');
  if (grantType === undefined) return oauthError(ctx, req, 400, 'invalid_request', 'grant_type is missing');
  const nowMs = ctx.nowMs();
  if (grantType === 'authorization_code') {
    const code = form.get('code');
    const redirectUri = form.get('redirect_uri');
    if (code === undefined || redirectUri === undefined) return oauthError(ctx, req, 400, 'invalid_request', 'code and redirect_uri are required');
    const grant = ctx.codes.take(code);
    if (grant === undefined) return oauthError(ctx, req, 400, 'invalid_grant', 'unknown or already used code');
    if (grant.clientId !== client.clientId) return oauthError(ctx, req, 400, 'invalid_grant', 'code of another client');
    if (grant.expiresAtMs <= nowMs) return oauthError(ctx, req, 400, 'invalid_grant', 'code expired');
    if (grant.redirectUri !== redirectUri) return oauthError(ctx, req, 400, 'invalid_grant', 'redirect_uri mismatch');
    if (grant.challenge !== null) {
      const verifier = form.get('code_verifier');
      if (verifier === undefined) return oauthError(ctx, req, 400, 'invalid_grant', 'code_verifier is missing');
      if (!verifierMatches(verifier, grant.challenge)) return oauthError(ctx, req, 400, 'invalid_grant', 'code_verifier does not match');
    }
    const tokens = ctx.tokens.openGrant(client.clientId, grant.userId, grant.scope, nowMs);
    ctx.stats.tokenGrants.authorization_code += 1;
    req.trace.userId = grant.userId;
    req.trace.tokenId = tokens.tokenId;
    return tokenResponse(tokens);
  }
  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token');
    if (refreshToken === undefined) return oauthError(ctx, req, 400, 'invalid_request', 'refresh_token is missing');
    const result = ctx.tokens.rotate(refreshToken, client.clientId, nowMs);
    if (!result.ok) return oauthError(ctx, req, 400, 'invalid_grant', result.reason);
    ctx.stats.tokenGrants.refresh_token += 1;
    req.trace.userId = result.tokens.grant.userId;
    req.trace.tokenId = result.tokens.tokenId;
    return tokenResponse(result.tokens);
  }
  return oauthError(ctx, req, 400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
}
