import type { OAuthBusiness } from '@byte8/core';
import type { OAuthGrantClient, OAuthTokenGrant } from './oauth-grant.js';

/** What a provider's OAuth client offers the connect flow (the provider-specific half). */
export interface OAuthProviderClient extends OAuthGrantClient {
  /** The provider's authorize URL with `state` and the S256 `code_challenge`. */
  authorizeUrl(input: { readonly state: string; readonly codeChallenge: string }): string;
  /** Trades the callback's code for tokens; throws `OAuthGrantError`. */
  exchangeCode(code: string, codeVerifier: string): Promise<OAuthTokenGrant>;
  /** The businesses the token's user reaches, the lead one first. */
  businesses(accessToken: string): Promise<readonly OAuthBusiness[]>;
}
