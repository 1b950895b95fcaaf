import type {
  DirectCallbackQuery,
  DirectConnection,
  DirectConnectionView,
  DirectConnectOutcome,
  DirectConnectOutcomeKind,
  DirectConnectStart,
  DirectModeDeps,
  OAuthBusiness,
} from '@byte8/core';
import { DIRECT_CONNECT_TTL_SECONDS } from '@byte8/core';
import { businessForGrant } from './business-for-grant.js';
import { connectMessage, knownCallbackError } from './connect-messages.js';
import { directConnectionView } from './direct-connection-view.js';
import { OAuthAccessError } from './oauth-access-error.js';
import { OAuthGrantError, type OAuthTokenGrant } from './oauth-grant.js';
import type { OAuthProviderClient } from './oauth-provider-client.js';
import { randomSecret, s256Challenge, sha256Hex } from './oauth-secrets.js';
import { OAuthTokenKeeper } from './oauth-token-keeper.js';

export interface OAuthDirectConnectionOptions {
  readonly provider: string;
  readonly serviceName: string;
  /** The callback registered with the provider (shown in the admin). */
  readonly redirectUri: string;
  readonly client: OAuthProviderClient;
  readonly deps: DirectModeDeps;
  /** See `OAuthTokenKeeper`. Default 60 000. */
  readonly refreshMarginMs?: number;
  /** Releases the client's connections. */
  readonly close?: () => Promise<void>;
}

const MAX_PARAM_LENGTH = 4096;

/** A query parameter as one string (a repeated or oversized one counts as absent). */
function param(query: DirectCallbackQuery, name: string): string | null {
  const value = query?.[name];
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PARAM_LENGTH ? value : null;
}

/**
 * The provider-neutral half of direct mode: OAuth connect with `state` and
 * PKCE S256 bound to the admin's browser, the callback, the business choice,
 * disconnect and the status view; tokens are kept by an `OAuthTokenKeeper`.
 * A provider package supplies the `OAuthProviderClient`.
 *
 * The `state` is single use and lives 10 minutes; it and the browser binding
 * are stored as SHA-256 only, and the PKCE verifier sealed by the secret box,
 * so none of them can be read back from the database.
 */
export class OAuthDirectConnection implements DirectConnection {
  readonly provider: string;
  readonly serviceName: string;
  readonly tokens: OAuthTokenKeeper;
  readonly #options: OAuthDirectConnectionOptions;

  constructor(options: OAuthDirectConnectionOptions) {
    this.#options = options;
    this.provider = options.provider;
    this.serviceName = options.serviceName;
    const { oauthConnections, secretBox, clock, logger } = options.deps;
    this.tokens = new OAuthTokenKeeper({
      provider: options.provider,
      serviceName: options.serviceName,
      store: oauthConnections,
      secretBox,
      grants: options.client,
      clock,
      logger,
      ...(options.refreshMarginMs === undefined ? {} : { refreshMarginMs: options.refreshMarginMs }),
    });
  }

  async status(): Promise<DirectConnectionView> {
    const record = await this.#options.deps.oauthConnections.get(this.provider);
    return directConnectionView(record, { provider: this.provider, serviceName: this.serviceName, redirectUri: this.#options.redirectUri });
  }

  async beginConnect(): Promise<DirectConnectStart> {
    const { deps, client } = this.#options;
    const state = randomSecret(deps.random);
    const browserBinding = randomSecret(deps.random);
    const verifier = randomSecret(deps.random);
    const expiresAt = new Date(deps.clock.now().getTime() + DIRECT_CONNECT_TTL_SECONDS * 1000);
    await deps.oauthConnections.startAuthorization(this.provider, {
      stateHash: sha256Hex(state),
      browserHash: sha256Hex(browserBinding),
      sealedVerifier: deps.secretBox.seal(verifier),
      expiresAt,
    });
    deps.logger.info({ provider: this.provider, expiresAt: expiresAt.toISOString() }, 'byte8: OAuth connect started');
    return { authorizeUrl: client.authorizeUrl({ state, codeChallenge: s256Challenge(verifier) }), browserBinding, expiresAt };
  }

  async completeConnect(input: { readonly query: DirectCallbackQuery; readonly browserBinding: string | null | undefined }): Promise<DirectConnectOutcome> {
    const { deps, client } = this.#options;
    const query = input.query ?? {};
    const error = query.error;
    if (error !== undefined) return this.#outcome(error === 'access_denied' ? 'denied' : 'provider_error', knownCallbackError(error));
    const state = param(query, 'state');
    if (state === null) return this.#outcome('missing_state');
    const binding = typeof input.browserBinding === 'string' && input.browserBinding.length > 0 ? input.browserBinding : null;
    if (binding === null) return this.#outcome('other_browser');
    const taken = await deps.oauthConnections.takeAuthorization(this.provider, sha256Hex(state), sha256Hex(binding));
    if (taken.kind === 'unknown') return this.#outcome('unknown_state');
    if (taken.kind === 'other_browser') return this.#outcome('other_browser');
    if (taken.expiresAt.getTime() <= deps.clock.now().getTime()) return this.#outcome('expired_state');
    const code = param(query, 'code');
    if (code === null) return this.#outcome('provider_error', 'no authorization code');
    let grant: OAuthTokenGrant;
    try {
      grant = await client.exchangeCode(code, deps.secretBox.open(taken.sealedVerifier));
    } catch (failure) {
      return this.#grantFailure(failure);
    }
    return this.#store(grant);
  }

  async listBusinesses(): Promise<readonly OAuthBusiness[]> {
    const record = await this.#options.deps.oauthConnections.get(this.provider);
    if (!record?.tokens || record.status === 'disconnected' || record.status === 'reconnect_needed') return [];
    const { accessToken } = await this.tokens.access({ requireBusiness: false });
    return this.#options.client.businesses(accessToken);
  }

  async chooseBusiness(businessId: unknown): Promise<DirectConnectOutcome> {
    if (typeof businessId !== 'string' || businessId.length === 0 || businessId.length > 64) return this.#outcome('unknown_business');
    const record = await this.#options.deps.oauthConnections.get(this.provider);
    if (record?.status !== 'business_needed') return this.#outcome('not_connected');
    let businesses: readonly OAuthBusiness[];
    try {
      businesses = await this.listBusinesses();
    } catch (error) {
      // Choosing needs Sage's word that the user reaches the business: no answer, no change.
      this.#options.deps.logger.warn({ provider: this.provider, error: (error as Error).message }, 'byte8: businesses could not be listed');
      return this.#outcome(error instanceof OAuthAccessError && !error.retryable ? 'not_connected' : 'unavailable');
    }
    const business = businesses.find((candidate) => candidate.id === businessId);
    if (!business) return this.#outcome('unknown_business');
    if (!(await this.#options.deps.oauthConnections.chooseBusiness(this.provider, business))) return this.#outcome('not_connected');
    this.#options.deps.logger.info({ provider: this.provider, businessId: business.id }, 'byte8: OAuth connection business chosen');
    return this.#outcome('connected', business.name, business);
  }

  disconnect(): Promise<{ readonly wasConnected: boolean; readonly revoked: boolean }> {
    return this.tokens.disconnect();
  }

  describe(kind: DirectConnectOutcomeKind): string {
    return connectMessage(kind, this.serviceName);
  }

  async close(): Promise<void> {
    await this.#options.close?.();
  }

  /** Stores the grant with its business (see `businessForGrant`). */
  async #store(grant: OAuthTokenGrant): Promise<DirectConnectOutcome> {
    const { deps, client } = this.#options;
    let businesses: readonly OAuthBusiness[] | null = null;
    try {
      businesses = await client.businesses(grant.accessToken);
    } catch (error) {
      // The code is spent: keep the grant and let the admin list the businesses again.
      deps.logger.warn({ provider: this.provider, error: (error as Error).message }, 'byte8: businesses could not be listed after connecting');
    }
    const business = businessForGrant(businesses, await deps.oauthConnections.get(this.provider));
    await this.tokens.saveGrant(grant, business);
    return business ? this.#outcome('connected', business.name, business) : this.#outcome('business_needed');
  }

  #grantFailure(failure: unknown): DirectConnectOutcome {
    const grantError = failure instanceof OAuthGrantError ? failure : null;
    this.#options.deps.logger.warn({ provider: this.provider, failure: grantError?.failure ?? 'error', status: grantError?.status ?? null }, 'byte8: OAuth code exchange failed');
    const kind = grantError?.failure === 'invalid_grant' ? 'code_refused' : grantError?.failure === 'rejected' ? 'provider_error' : 'unavailable';
    return this.#outcome(kind, kind === 'provider_error' ? grantError!.oauthError : null);
  }

  #outcome(kind: DirectConnectOutcomeKind, detail: string | null = null, business: OAuthBusiness | null = null): DirectConnectOutcome {
    const ok = kind === 'connected' || kind === 'business_needed';
    if (!ok) this.#options.deps.logger.info({ provider: this.provider, outcome: kind }, 'byte8: OAuth connect refused');
    return { ok, kind, message: connectMessage(kind, this.serviceName, detail), business };
  }
}
