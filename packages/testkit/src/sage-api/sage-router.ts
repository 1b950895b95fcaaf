import { type ApiDeps, routeApi } from './api/api-router.js';
import { methodNotAllowed } from './api/resource-routes.js';
import { SageApiError, sageErrorItem } from './http/sage-error.js';
import { jsonReply, type SageReply } from './http/sage-reply.js';
import type { RequestTrace } from './log/request-trace.js';
import { handleAuthorizeDecision, handleAuthorizeGet } from './oauth/authorize-route.js';
import type { OAuthContext } from './oauth/oauth-context.js';
import { handleRevoke } from './oauth/revoke-route.js';
import { handleToken } from './oauth/token-route.js';

/** Where the three Sage hosts live on the one simulator (c.1, c.2). */
export const SAGE_PATHS = {
  authorize: '/oauth2/auth/central',
  token: '/token',
  revoke: '/revoke',
  api: '/v3.1',
} as const;

export interface SageRouterDeps {
  readonly oauth: OAuthContext;
  readonly api: ApiDeps;
}

export interface IncomingSageRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly trace: RequestTrace;
}

function only(method: string, allowed: string, run: () => SageReply): SageReply {
  return method === allowed ? run() : methodNotAllowed([allowed]).reply();
}

/** Sends a request to the authorize page, the token or revoke endpoint, or the v3.1 API. */
export function routeSageRequest(deps: SageRouterDeps, request: IncomingSageRequest): SageReply {
  const { method, url } = request;
  const path = url.pathname;
  const oauthRequest = { headers: request.headers, body: request.body, trace: request.trace };
  if (path === SAGE_PATHS.authorize) {
    if (method === 'GET') return handleAuthorizeGet(deps.oauth, url.searchParams, oauthRequest);
    return only(method, 'POST', () => handleAuthorizeDecision(deps.oauth, oauthRequest));
  }
  if (path === SAGE_PATHS.token) return only(method, 'POST', () => handleToken(deps.oauth, oauthRequest));
  if (path === SAGE_PATHS.revoke) return only(method, 'POST', () => handleRevoke(deps.oauth, oauthRequest));
  if (path === SAGE_PATHS.api || path.startsWith(`${SAGE_PATHS.api}/`)) {
    const segments = path.slice(SAGE_PATHS.api.length).split('/').filter((segment) => segment !== '').map(decodeURIComponent);
    return routeApi(deps.api, { method, segments, query: url.searchParams, headers: request.headers, body: request.body, trace: request.trace });
  }
  return new SageApiError(404, [sageErrorItem('RecordNotFound', 'The requested endpoint does not exist')]).reply();
}

export const internalError = (): SageReply => jsonReply(500, [sageErrorItem('InternalServerError', 'Internal server error')]);
