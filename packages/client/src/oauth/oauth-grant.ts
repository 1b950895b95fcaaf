/** Tokens a provider's token endpoint answered, in plaintext: sealed before they are stored. */
export interface OAuthTokenGrant {
  readonly accessToken: string;
  readonly expiresInSeconds: number;
  /** Null when a refresh answer carries none (the provider does not rotate): the old one stays. */
  readonly refreshToken: string | null;
  readonly refreshTokenExpiresInSeconds: number | null;
  readonly scope: string | null;
  /** The provider's id of the user who granted access (Sage `requested_by_id`). */
  readonly grantedBy: string | null;
}

/**
 * Why a token call failed:
 * - `invalid_grant`: the code or refresh token is dead (expired, used, revoked): reconnect;
 * - `rejected`: any other refusal (`invalid_client`, `invalid_request`, ...): a setting is wrong;
 * - `transient`: 5xx, 429, timeout, network, an unreadable answer: try again later.
 */
export type OAuthGrantFailure = 'invalid_grant' | 'rejected' | 'transient';

/** A failed token call (exchange, refresh or revoke). The message never holds a token or the client secret. */
export class OAuthGrantError extends Error {
  constructor(
    readonly failure: OAuthGrantFailure,
    message: string,
    /** The HTTP status, or null when no answer came. */
    readonly status: number | null = null,
    /** The OAuth `error` code of the answer, e.g. `invalid_grant`. */
    readonly oauthError: string | null = null,
  ) {
    super(message);
    this.name = 'OAuthGrantError';
  }

  get retryable(): boolean {
    return this.failure === 'transient';
  }
}

/** The token calls a keeper needs from a provider's OAuth client. */
export interface OAuthGrantClient {
  /** Trades a refresh token for new tokens; throws `OAuthGrantError`. */
  refresh(refreshToken: string): Promise<OAuthTokenGrant>;
  /** Revokes a refresh token (and what it grants); throws `OAuthGrantError`. */
  revoke(refreshToken: string): Promise<void>;
}
