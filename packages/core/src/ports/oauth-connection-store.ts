/**
 * Where a provider in direct mode stands (one row per provider):
 * - `connected`: tokens held and a business chosen; documents can be posted;
 * - `business_needed`: tokens held, but the user reaches several businesses and none is chosen yet;
 * - `reconnect_needed`: the provider refused the grant (`statusReason` says why); nothing is deleted;
 * - `disconnected`: the merchant disconnected; tokens are gone, the last business is remembered.
 */
export type OAuthConnectionStatus = 'connected' | 'business_needed' | 'reconnect_needed' | 'disconnected';

export const OAUTH_CONNECTION_STATUSES: readonly OAuthConnectionStatus[] = ['connected', 'business_needed', 'reconnect_needed', 'disconnected'];

/** An account at the provider that documents are posted to (a Sage business, a Xero organisation). */
export interface OAuthBusiness {
  readonly id: string;
  readonly name: string;
}

/** Tokens as they are stored: both sealed by the `SecretBox`, never the plaintext. */
export interface SealedOAuthTokens {
  readonly sealedAccessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly sealedRefreshToken: string;
  /** Null when the provider did not say. */
  readonly refreshTokenExpiresAt: Date | null;
  readonly scope: string | null;
}

export interface OAuthConnectionRecord {
  readonly provider: string;
  readonly status: OAuthConnectionStatus;
  /** Why the connection needs attention (`reconnect_needed`); null otherwise. */
  readonly statusReason: string | null;
  /** The chosen business; after a disconnect, the last one. */
  readonly business: OAuthBusiness | null;
  /** The provider's id of the user who granted access (Sage `requested_by_id`). */
  readonly grantedBy: string | null;
  /** Null once disconnected. */
  readonly tokens: SealedOAuthTokens | null;
  /** When an authorization (connect) is in flight, until when its state is valid. */
  readonly authorizationExpiresAt: Date | null;
  readonly connectedAt: Date | null;
  readonly refreshedAt: Date | null;
  readonly updatedAt: Date;
}

/** A connect in flight: hashes of the OAuth `state` and of the browser binding, and the sealed PKCE verifier. */
export interface OAuthAuthorizationStart {
  /** Hex SHA-256 of the `state` sent to the provider. */
  readonly stateHash: string;
  /** Hex SHA-256 of the value kept in the admin's browser (a cookie). */
  readonly browserHash: string;
  readonly sealedVerifier: string;
  readonly expiresAt: Date;
}

export type OAuthAuthorizationTake =
  /** The state matched the browser and is now used up. */
  | { readonly kind: 'taken'; readonly sealedVerifier: string; readonly expiresAt: Date }
  /** The state is pending but was started in another browser; it stays pending. */
  | { readonly kind: 'other_browser' }
  /** No such pending state (never issued, replaced, or already used). */
  | { readonly kind: 'unknown' };

/** A new grant from the code exchange (or a reconnect). */
export interface OAuthGrantInput {
  readonly tokens: SealedOAuthTokens;
  readonly grantedBy: string | null;
  /** The business to post to; null leaves the connection `business_needed`. */
  readonly business: OAuthBusiness | null;
}

/** What a locked decision changes: nothing, new tokens, a refused grant, or a disconnect (as `clearTokens`). */
export type OAuthLockedChange =
  | { readonly kind: 'keep' }
  | { readonly kind: 'tokens'; readonly tokens: SealedOAuthTokens }
  | { readonly kind: 'reconnect_needed'; readonly reason: string }
  | { readonly kind: 'clear' };

/**
 * Port: OAuth connections of providers in direct mode (tokens, chosen
 * business, status, the connect in flight). Generic: Sage today, any OAuth
 * provider tomorrow. Tokens arrive and leave sealed; the store never sees plaintext.
 */
export interface OAuthConnectionStore {
  get(provider: string): Promise<OAuthConnectionRecord | null>;
  list(): Promise<OAuthConnectionRecord[]>;
  /** Records a connect in flight, replacing any earlier one (its state dies at once). */
  startAuthorization(provider: string, start: OAuthAuthorizationStart): Promise<void>;
  /**
   * Uses up the pending state, atomically: of two callbacks with the same
   * state exactly one gets `taken`. A browser mismatch leaves it pending.
   */
  takeAuthorization(provider: string, stateHash: string, browserHash: string): Promise<OAuthAuthorizationTake>;
  /** Stores a new grant: status `connected` (or `business_needed`), the reason cleared. */
  saveGrant(provider: string, grant: OAuthGrantInput): Promise<OAuthConnectionRecord>;
  /** Chooses the business of a `business_needed` connection; false when it is in another status. */
  chooseBusiness(provider: string, business: OAuthBusiness): Promise<boolean>;
  /**
   * Runs `decide` holding an exclusive lock on the provider's row (every
   * process sharing the database waits), with the row as it is now, then
   * applies its change and releases the lock. This is what makes a refresh
   * single-flight: a waiter re-reads the winner's tokens instead of spending
   * the same single-use refresh token. When `decide` throws, nothing changes.
   */
  withLockedConnection<T>(
    provider: string,
    decide: (current: OAuthConnectionRecord | null) => Promise<{ readonly change: OAuthLockedChange; readonly result: T }>,
  ): Promise<T>;
  /** Marks a held grant refused (`reconnect_needed` with `reason`); tokens stay. False when there is no grant. */
  markReconnectNeeded(provider: string, reason: string): Promise<boolean>;
  /** Disconnect: tokens and any connect in flight are cleared, status `disconnected`; the business is kept. */
  clearTokens(provider: string): Promise<boolean>;
}
