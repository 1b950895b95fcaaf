import { OAuthGrantError, type OAuthTokenGrant } from '@byte8/client';
import type { SageHttp } from '../http/sage-http.js';
import { SageTransportError } from '../http/sage-transport-error.js';
import type { ResolvedSageDirectOptions } from '../options/sage-direct-options.js';
import { tokenGrant, tokenRefusal } from './token-answer.js';

const OAUTH_MAX_BYTES = 64 * 1024;

/**
 * Sage's OAuth 2.0 authorization code flow (c.2): the authorize URL with
 * `state` and PKCE S256, the code exchange, the refresh (tokens rotate: the
 * answer carries a new refresh token) and the revoke. Failures are
 * `OAuthGrantError`s; no message holds a token, a code or the secret.
 */
export class SageOAuthClient {
  readonly #options: ResolvedSageDirectOptions;
  readonly #secret: string;
  readonly #http: SageHttp;

  constructor(options: ResolvedSageDirectOptions, clientSecret: string, http: SageHttp) {
    this.#options = options;
    this.#secret = clientSecret;
    this.#http = http;
  }

  /** Where to send the merchant's browser. */
  authorizeUrl(input: { readonly state: string; readonly codeChallenge: string }): string {
    const url = new URL(this.#options.authorizeUrl);
    // (c.2) without filter=apiv3.1 Sage runs its older flow.
    if (!url.searchParams.has('filter')) url.searchParams.set('filter', 'apiv3.1');
    const params: Record<string, string | null> = {
      client_id: this.#options.clientId,
      response_type: 'code',
      redirect_uri: this.#options.redirectUri,
      scope: this.#options.scope,
      state: input.state,
      code_challenge: input.codeChallenge,
      code_challenge_method: 'S256',
      country: this.#options.region,
      locale: this.#options.locale,
    };
    for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
    return url.toString();
  }

  exchangeCode(code: string, codeVerifier: string): Promise<OAuthTokenGrant> {
    return this.#token('code exchange', { grant_type: 'authorization_code', code, redirect_uri: this.#options.redirectUri, code_verifier: codeVerifier });
  }

  refresh(refreshToken: string): Promise<OAuthTokenGrant> {
    return this.#token('token refresh', { grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** Revokes a refresh token (c.2: `{"success":"ok"}`); access tokens live out their 5 minutes. */
  async revoke(refreshToken: string): Promise<void> {
    const answer = await this.#post(this.#options.revokeUrl, 'revoke', { token: refreshToken });
    if (answer.status !== 200) throw tokenRefusal(answer, 'revoke');
  }

  async #token(what: string, form: Record<string, string>): Promise<OAuthTokenGrant> {
    const answer = await this.#post(this.#options.tokenUrl, what, form);
    if (answer.status !== 200) throw tokenRefusal(answer, what);
    return tokenGrant(answer);
  }

  async #post(endpoint: string, what: string, form: Record<string, string>) {
    const body = new URLSearchParams({ client_id: this.#options.clientId, client_secret: this.#secret, ...form }).toString();
    try {
      return await this.#http.send({
        url: new URL(endpoint),
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        maxBytes: OAUTH_MAX_BYTES,
      });
    } catch (error) {
      if (error instanceof SageTransportError) throw new OAuthGrantError('transient', `Sage's ${what}: ${error.message}`);
      throw error;
    }
  }
}
