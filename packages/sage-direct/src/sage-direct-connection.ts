import { OAuthDirectConnection, type OAuthTokenKeeper } from '@byte8/client';
import type { DirectModeDeps } from '@byte8/core';
import { listBusinesses } from './api/list-businesses.js';
import { type SageApiAuth, SageApiClient } from './api/sage-api-client.js';
import { SageDocumentEngine } from './engine/delivery/sage-document-engine.js';
import { SageHttp } from './http/sage-http.js';
import { SageOAuthClient } from './oauth/sage-oauth-client.js';
import type { ResolvedSageDirectOptions } from './options/sage-direct-options.js';

/** The API client's token source for documents: the stored connection, its business, and a reconnect mark when Sage refuses. */
function keeperAuth(tokens: OAuthTokenKeeper): SageApiAuth {
  const access = async (rejectedToken?: string) => {
    const fresh = await tokens.access(rejectedToken === undefined ? {} : { rejectedToken });
    return { accessToken: fresh.accessToken, businessId: fresh.business?.id ?? null };
  };
  return { access: () => access(), renew: (rejected) => access(rejected), refused: (reason) => tokens.markReconnectNeeded(reason) };
}

/**
 * Sage in direct mode, attached to a connector's storage: the admin's
 * connect flow (`DirectConnection`), the token keeper (`tokens`), and `api`,
 * a `SageApiClient` that posts for the connected business.
 */
export class SageDirectConnection extends OAuthDirectConnection {
  /** Calls for the connected business: a fresh token single-flight, `X-Business`, one renewal on a 401. */
  readonly api: SageApiClient;
  readonly oauth: SageOAuthClient;
  readonly settings: ResolvedSageDirectOptions;
  /** The document engine the drain worker hands this provider's outbox rows to (when attached by `createByte8`). */
  readonly delivery?: SageDocumentEngine;

  constructor(options: ResolvedSageDirectOptions, clientSecret: string, deps: DirectModeDeps) {
    const http = new SageHttp(options);
    const oauth = new SageOAuthClient(options, clientSecret, http);
    const apiFor = (auth: SageApiAuth) =>
      new SageApiClient({ apiBaseUrl: options.apiBaseUrl, http, auth, maxResponseBytes: options.maxResponseBytes, clock: deps.clock });
    super({
      provider: options.provider,
      serviceName: 'Sage',
      redirectUri: options.redirectUri,
      deps,
      refreshMarginMs: options.refreshMarginMs,
      client: {
        authorizeUrl: (input) => oauth.authorizeUrl(input),
        exchangeCode: (code, verifier) => oauth.exchangeCode(code, verifier),
        refresh: (refreshToken) => oauth.refresh(refreshToken),
        revoke: (refreshToken) => oauth.revoke(refreshToken),
        businesses: (accessToken) => listBusinesses(apiFor({ access: async () => ({ accessToken, businessId: null }) })),
      },
      close: () => http.close(),
    });
    this.oauth = oauth;
    this.settings = options;
    this.api = apiFor(keeperAuth(this.tokens));
    if (deps.documents) {
      this.delivery = new SageDocumentEngine({
        provider: options.provider,
        api: this.api,
        policy: options.policy,
        documents: deps.documents,
        oauthConnections: deps.oauthConnections,
        clock: deps.clock,
        logger: deps.logger,
        // A create another worker sent may still be answered until its timeout (plus a margin for the commit).
        inFlightMs: options.timeoutMs + 10_000,
      });
    }
  }
}
