import { OAuthGrantError, type OAuthTokenGrant } from '@byte8/client';
import type { SageHttpAnswer } from '../http/sage-http.js';

// (c.2) both tokens reserve 2 048 bytes; leave room, refuse nonsense.
const MAX_TOKEN_LENGTH = 8192;
const OAUTH_ERROR = /^[a-z_]{1,64}$/;

function json(answer: SageHttpAnswer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(answer.text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const token = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN_LENGTH;
const seconds = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0;
const optionalString = (value: unknown, max: number) => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : null);

/**
 * The token endpoint's refusal as an `OAuthGrantError` (c.2): 400
 * `invalid_grant` means the code or refresh token is dead; 429 and 5xx are
 * transient; anything else is a refusal of this client or request.
 */
export function tokenRefusal(answer: SageHttpAnswer, what: string): OAuthGrantError {
  const code = json(answer)?.error;
  const oauthError = typeof code === 'string' && OAUTH_ERROR.test(code) ? code : null;
  const label = `Sage's ${what} answered HTTP ${answer.status}${oauthError ? ` (${oauthError})` : ''}`;
  if (answer.status === 429 || answer.status >= 500) return new OAuthGrantError('transient', label, answer.status, oauthError);
  if (oauthError === 'invalid_grant') return new OAuthGrantError('invalid_grant', label, answer.status, oauthError);
  return new OAuthGrantError('rejected', label, answer.status, oauthError);
}

/**
 * A 200 of the token endpoint as a grant (c.2: `access_token`, `token_type`
 * bearer, `expires_in`, `refresh_token`, `refresh_token_expires_in`, `scope`,
 * `requested_by_id`). A malformed answer is transient: nothing usable came back.
 */
export function tokenGrant(answer: SageHttpAnswer): OAuthTokenGrant {
  const body = json(answer);
  const malformed = (field: string) => new OAuthGrantError('transient', `Sage's token answer is not usable (${field})`, answer.status);
  if (body === null) throw malformed('not a JSON object');
  if (!token(body.access_token)) throw malformed('access_token');
  if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer') throw malformed('token_type');
  if (!seconds(body.expires_in)) throw malformed('expires_in');
  if (!token(body.refresh_token)) throw malformed('refresh_token');
  if (body.refresh_token_expires_in !== undefined && body.refresh_token_expires_in !== null && !seconds(body.refresh_token_expires_in)) {
    throw malformed('refresh_token_expires_in');
  }
  return {
    accessToken: body.access_token as string,
    expiresInSeconds: body.expires_in as number,
    refreshToken: body.refresh_token as string,
    refreshTokenExpiresInSeconds: seconds(body.refresh_token_expires_in) ? (body.refresh_token_expires_in as number) : null,
    scope: optionalString(body.scope, 64),
    grantedBy: optionalString(body.requested_by_id, 64),
  };
}
