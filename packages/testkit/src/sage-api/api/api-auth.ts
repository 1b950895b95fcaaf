import type { AccountDirectory } from '../accounts/account-directory.js';
import { SageApiError, sageErrorItem } from '../http/sage-error.js';
import type { RequestTrace } from '../log/request-trace.js';
import type { TokenStore } from '../oauth/token-store.js';
import type { SeededUser } from '../seed/seeded-accounts.js';
import type { SimBusiness } from '../store/sim-business.js';
import { bearerToken } from '../../simulator/http-io.js';

export interface ApiPrincipal {
  readonly user: SeededUser;
  readonly business: SimBusiness;
}

// (c.2) gives Sage's 401 body only for a lapsed subscription; the wording for a bad token is the simulator's.
const unauthorized = (dataCode: string, message: string) => new SageApiError(401, [sageErrorItem(dataCode, message)]);

/**
 * Resolves the bearer token (c.1) to its user and the business of the call:
 * `X-Business` when sent (it must be one of the user's businesses), else the
 * user's lead business. Every refusal is a 401 with Sage's error array.
 */
export function authenticateApi(
  tokens: TokenStore,
  directory: AccountDirectory,
  headers: Readonly<Record<string, string>>,
  nowMs: number,
  trace: RequestTrace,
): ApiPrincipal {
  const token = bearerToken(headers);
  if (token === null) throw unauthorized('AuthenticationFailure', 'Missing access token');
  const check = tokens.checkAccess(token, nowMs);
  if (!check.ok) {
    trace.note = `access token ${check.reason}`;
    throw unauthorized('AuthenticationFailure', check.reason === 'expired' ? 'The access token has expired' : 'The access token is invalid');
  }
  const { entry } = check;
  trace.tokenId = entry.tokenId;
  trace.userId = entry.grant.userId;
  trace.clientId = entry.grant.clientId;
  const user = directory.user(entry.grant.userId)!;
  const reachable = directory.businessesOf(user.id);
  const asked = headers['x-business'];
  const business = asked === undefined || asked === '' ? reachable[0]! : reachable.find((candidate) => candidate.id === asked);
  if (business === undefined) {
    trace.note = 'X-Business names a business the user cannot reach';
    throw unauthorized('AuthorizationFailure', 'You do not have access to this business');
  }
  trace.businessId = business.id;
  if (!business.subscriptionActive) {
    trace.note = 'subscription lapsed';
    throw unauthorized('AuthorizationFailure', 'No active subscription. (MSE)');
  }
  return { user, business };
}
