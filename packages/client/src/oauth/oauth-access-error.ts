/**
 * Why no access token could be had:
 * - `not_connected`: never connected, or disconnected;
 * - `business_needed`: connected, but no business chosen yet (only when one is required);
 * - `reconnect_needed`: the provider refused the grant; the merchant must reconnect;
 * - `undecryptable`: the stored tokens cannot be opened (the encryption key is missing);
 * - `rejected`: the token endpoint refused this client (a setting is wrong);
 * - `transient`: the provider or the database did not answer in time: try again later.
 */
export type OAuthAccessFailure = 'not_connected' | 'business_needed' | 'reconnect_needed' | 'undecryptable' | 'rejected' | 'transient';

/** Raised by `OAuthTokenKeeper.access()`. Only `transient` is worth an automatic retry. */
export class OAuthAccessError extends Error {
  constructor(
    readonly provider: string,
    readonly failure: OAuthAccessFailure,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OAuthAccessError';
  }

  get retryable(): boolean {
    return this.failure === 'transient';
  }
}

/** The reason stored when the provider refuses the refresh token. */
export function reconnectReason(serviceName: string): string {
  return `${serviceName} refused the refresh token (invalid_grant): access was removed in ${serviceName} or has expired. Reconnect to ${serviceName}.`;
}

/** An `OAuthAccessError` with the standard words for `failure` (or `detail`, for the failures that carry their own). */
export function accessError(provider: string, serviceName: string, failure: OAuthAccessFailure, detail?: string, cause?: unknown): OAuthAccessError {
  const fixed: Partial<Record<OAuthAccessFailure, string>> = {
    not_connected: `${serviceName} is not connected: connect it in the admin.`,
    business_needed: `${serviceName} is connected but no business is chosen yet: choose one in the admin.`,
  };
  const message = fixed[failure] ?? detail ?? (failure === 'reconnect_needed' ? reconnectReason(serviceName) : failure);
  return new OAuthAccessError(provider, failure, message, cause === undefined ? undefined : { cause });
}
