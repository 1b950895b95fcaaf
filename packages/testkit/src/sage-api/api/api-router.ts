import type { AccountDirectory } from '../accounts/account-directory.js';
import { SageApiError, sageErrorItem } from '../http/sage-error.js';
import type { SageReply } from '../http/sage-reply.js';
import type { RequestTrace } from '../log/request-trace.js';
import type { MutableSageApiStats } from '../log/sage-api-stats.js';
import type { TokenStore } from '../oauth/token-store.js';
import { RESOURCES } from '../resources/index.js';
import { routeAccounts } from './account-routes.js';
import { authenticateApi } from './api-auth.js';
import type { RateLimiter } from './rate-limiter.js';
import { routeResource } from './resource-routes.js';

export interface ApiDeps {
  readonly tokens: TokenStore;
  readonly directory: AccountDirectory;
  readonly limiter: RateLimiter;
  readonly stats: MutableSageApiStats;
  readonly now: () => Date;
}

export interface ApiRequest {
  readonly method: string;
  /** Path segments after `/v3.1`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly trace: RequestTrace;
}

const endpointNotFound = () => new SageApiError(404, [sageErrorItem('RecordNotFound', 'The requested endpoint does not exist')]);

function withBusinessHeader(reply: SageReply, businessId: string): SageReply {
  return reply.kind === 'send' ? { ...reply, headers: { ...reply.headers, 'x-business': businessId } } : reply;
}

/**
 * `/v3.1/*`: authenticates (401), picks the business (`X-Business` or lead),
 * applies the per-business rate limit (429 with `Retry-After`), then serves
 * the account routes or a resource. Answers carry `X-Business`.
 */
export function routeApi(deps: ApiDeps, request: ApiRequest): SageReply {
  const now = deps.now();
  try {
    const principal = authenticateApi(deps.tokens, deps.directory, request.headers, now.getTime(), request.trace);
    const decision = deps.limiter.hit(principal.business.id, now.getTime());
    if (!decision.ok) {
      deps.stats.throttled += 1;
      request.trace.note = 'rate limited';
      throw new SageApiError(429, [sageErrorItem('TooManyRequests', 'Too many requests. Please retry later.')], { 'retry-after': String(decision.retryAfterSeconds) });
    }
    const accounts = routeAccounts(deps.directory, principal, request.method, request.segments, request.query);
    if (accounts !== null) return withBusinessHeader(accounts, principal.business.id);
    const [name = '', id = null, action = null, ...rest] = request.segments;
    const spec = RESOURCES.get(name);
    if (spec === undefined || rest.length > 0) throw endpointNotFound();
    const reply = routeResource(spec, { business: principal.business, now }, { method: request.method, id, action, query: request.query, headers: request.headers, body: request.body }, deps.stats);
    return withBusinessHeader(reply, principal.business.id);
  } catch (error) {
    if (!(error instanceof SageApiError)) throw error;
    if (error.status === 401) deps.stats.unauthorized += 1;
    if (request.trace.note === null && error.status >= 400) request.trace.note = error.message.slice(0, 200);
    return request.trace.businessId === null ? error.reply() : withBusinessHeader(error.reply(), request.trace.businessId);
  }
}
