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
