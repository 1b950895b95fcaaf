import type { CanonicalSource } from '../ports/canonical-source.js';
import type { Clock } from '../ports/clock.js';
import type { HostTransaction } from '../ports/outbox-store.js';
import type { SyncStateStore } from '../ports/sync-state-store.js';
import type { DirectCommand } from './direct-command.js';
import type { DirectDocumentDelivery } from './direct-delivery.js';
import type { EntityXrefStore } from './entity-xref-store.js';
import type { Logger } from '../ports/logger.js';
import type { OAuthBusiness, OAuthConnectionStore } from '../ports/oauth-connection-store.js';
import type { Random } from '../ports/random.js';
import type { SecretBox } from '../ports/secret-box.js';

/** What the admin shows for a provider in direct mode. */
export type DirectConnectionState = 'not_connected' | 'business_needed' | 'connected' | 'reconnect_needed';

export interface DirectConnectionView {
  readonly provider: string;
  /** Who the store connects to, in words: `Sage`. */
  readonly serviceName: string;
  readonly state: DirectConnectionState;
  readonly label: string;
  readonly detail: string | null;
  /** Hex colour of the status dot (the config page's palette). */
  readonly colour: string;
  /** The chosen business (the last one after a disconnect). */
  readonly business: OAuthBusiness | null;
  /** Why a reconnect is needed; null otherwise. */
  readonly reason: string | null;
  readonly connectedAt: Date | null;
  /** The callback registered with the provider (shown so the merchant can register it). */
  readonly redirectUri: string;
}

/** How a callback, or a business choice, ended. Refusals change nothing. */
export const DIRECT_CONNECT_OUTCOME_KINDS = [
  'connected',
  'business_needed',
  'denied',
  'provider_error',
  'missing_state',
  'unknown_state',
  'other_browser',
  'expired_state',
  'code_refused',
  'unavailable',
  'unknown_business',
  'not_connected',
] as const;
export type DirectConnectOutcomeKind = (typeof DIRECT_CONNECT_OUTCOME_KINDS)[number];

export interface DirectConnectOutcome {
  readonly ok: boolean;
  readonly kind: DirectConnectOutcomeKind;
  /** One sentence for the merchant; never holds a token, a code or the client secret. */
  readonly message: string;
  readonly business: OAuthBusiness | null;
}

/** The start of a connect: where to send the browser, and what it must keep. */
export interface DirectConnectStart {
  readonly authorizeUrl: string;
  /**
   * A secret for the admin's browser only (an HttpOnly cookie): the callback
   * must bring it back, so a callback opened in another browser is refused.
   */
  readonly browserBinding: string;
  readonly expiresAt: Date;
}

/** The callback's query as the host parsed it (`code`, `state`, `error`, ...). */
export type DirectCallbackQuery = Readonly<Record<string, unknown>>;

/**
 * A provider in direct mode, as an admin adapter drives it: OAuth connect
 * with `state` and PKCE, the callback, the business choice, disconnect and
 * the status view. Adapters hold no provider-specific code beyond routing
 * requests to these calls.
 */
export interface DirectConnection {
  /** The provider key it serves (`sage_accounting`). */
  readonly provider: string;
  readonly serviceName: string;
  status(): Promise<DirectConnectionView>;
  beginConnect(): Promise<DirectConnectStart>;
  /** Never throws for a refusal (bad state, denied, expired code): it says so in the outcome. */
  completeConnect(input: { readonly query: DirectCallbackQuery; readonly browserBinding: string | null | undefined }): Promise<DirectConnectOutcome>;
  /** The businesses the granting user reaches (empty when not connected); the lead one first. */
  listBusinesses(): Promise<readonly OAuthBusiness[]>;
  chooseBusiness(businessId: unknown): Promise<DirectConnectOutcome>;
  /** Revokes the grant at the provider (best effort) and clears the tokens; outbox and mirror rows stay. */
  disconnect(): Promise<{ readonly wasConnected: boolean; readonly revoked: boolean }>;
  /** The words for an outcome kind (an adapter that redirects carries only the kind). */
  describe(kind: DirectConnectOutcomeKind): string;
  /** Present when the mode posts documents itself; the drain worker hands it the provider's outbox rows. */
  readonly delivery?: DirectDocumentDelivery;
  close(): Promise<void>;
}

/** What a direct mode that posts documents needs from the connector (given by `createByte8`). */
export interface DirectDocumentDeps {
  readonly canonicalSource: CanonicalSource;
  readonly syncState: SyncStateStore;
  readonly entityXrefs: EntityXrefStore;
  /** Runs `work` in one database transaction of the connector's storage. */
  transact<T>(work: (transaction: HostTransaction) => Promise<T>): Promise<T>;
}

/** What a direct mode needs from the host's connector to attach. */
export interface DirectModeDeps {
  readonly oauthConnections: OAuthConnectionStore;
  readonly secretBox: SecretBox;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  /** Given by `createByte8`; without it a mode only connects (no document posting). */
  readonly documents?: DirectDocumentDeps;
}

/**
 * A configured direct mode (e.g. `sageDirect({...})`): options are checked
 * when it is made; `attach` binds it to the connector's storage.
 */
export interface DirectMode<C extends DirectConnection = DirectConnection> {
  readonly provider: string;
  attach(deps: DirectModeDeps): C;
  /** CLI commands of the mode, under the provider's CLI name (`byte8 sage direct:status`). */
  readonly commands?: readonly DirectCommand[];
}
