import type {
  Clock,
  Logger,
  OAuthBusiness,
  OAuthConnectionRecord,
  OAuthConnectionStore,
  OAuthLockedChange,
  SecretBox,
} from '@byte8/core';
import { accessError, OAuthAccessError, type OAuthAccessFailure, reconnectReason } from './oauth-access-error.js';
import { revokeAndClear } from './revoke-and-clear.js';
import { sealGrant } from './seal-grant.js';
import { type OAuthGrantClient, OAuthGrantError, type OAuthTokenGrant } from './oauth-grant.js';

export interface OAuthTokenKeeperDeps {
  readonly provider: string;
  /** Who the tokens are for, in words (`Sage`): used in reasons and messages. */
  readonly serviceName: string;
  readonly store: OAuthConnectionStore;
  readonly secretBox: SecretBox;
  readonly grants: OAuthGrantClient;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Refresh when the access token has less than this left. Default 60 000 (Sage's live 5 minutes). */
  readonly refreshMarginMs?: number;
}

/** A usable access token and the business it acts for. */
export interface OAuthAccess {
  readonly accessToken: string;
  readonly expiresAt: Date;
  /** Null only when `requireBusiness: false` and none is chosen yet. */
  readonly business: OAuthBusiness | null;
}

export interface OAuthAccessOptions {
  /** Refuse (`business_needed`) when no business is chosen. Default true: documents need one. */
  readonly requireBusiness?: boolean;
  /** The provider refused this access token (an API 401): get a new one unless another caller already did. */
  readonly rejectedToken?: string;
}

type Locked = { readonly access: OAuthAccess } | { readonly error: OAuthAccessError };

/**
 * Custody of one provider's OAuth tokens: seals them at rest, hands out a
 * fresh access token, and refreshes it single-flight. A refresh runs under a
 * lock on the provider's row, re-reads it, and refreshes only if the token is
 * still expiring (or still the rejected one), so two workers (in one process
 * or many) never spend the same single-use refresh token; the others take
 * the token the winner stored. `invalid_grant` marks the connection
 * `reconnect_needed` and deletes nothing; a transient failure changes nothing.
 *
 * @example
 * const keeper = new OAuthTokenKeeper({ provider: 'sage_accounting', serviceName: 'Sage', store, secretBox, grants, clock, logger });
 * const { accessToken, business } = await keeper.access(); // throws OAuthAccessError
 */
export class OAuthTokenKeeper {
  readonly #deps: OAuthTokenKeeperDeps;
  readonly #marginMs: number;
  // Callers in this process share one refresh instead of queueing on the row lock.
  #inflight: Promise<OAuthAccess> | null = null;

  constructor(deps: OAuthTokenKeeperDeps) {
    const margin = deps.refreshMarginMs ?? 60_000;
    if (!Number.isInteger(margin) || margin < 0) throw new Error('refreshMarginMs must be a non-negative integer');
    this.#deps = deps;
    this.#marginMs = margin;
  }

  get provider(): string {
    return this.#deps.provider;
  }

  /** A fresh access token (refreshed single-flight when due); throws `OAuthAccessError`. */
  async access(options: OAuthAccessOptions = {}): Promise<OAuthAccess> {
    const requireBusiness = options.requireBusiness ?? true;
    const rejected = options.rejectedToken;
    const record = await this.#read();
    const problem = this.#problem(record, requireBusiness);
    if (problem) throw problem;
    const current = this.#open(record!);
    if (this.#fresh(record!) && current.accessToken !== rejected) return current;
    let pending: Promise<OAuthAccess>;
    if (rejected !== undefined) {
      pending = this.#refresh(rejected);
    } else {
      if (!this.#inflight) this.#inflight = this.#refresh(undefined).finally(() => (this.#inflight = null));
      pending = this.#inflight;
    }
    const access = await pending;
    if (requireBusiness && access.business === null) throw this.#error('business_needed');
    return access;
  }

  /** The provider refused the grant for good (e.g. an API 401 after a refresh): the admin shows `reason`. */
  async markReconnectNeeded(reason: string): Promise<boolean> {
    const marked = await this.#deps.store.markReconnectNeeded(this.#deps.provider, reason.slice(0, 500));
    if (marked) this.#deps.logger.warn({ provider: this.#deps.provider, reason }, 'byte8: OAuth connection needs a reconnect');
    return marked;
  }

  /** Seals and stores a new grant (connect or reconnect). */
  async saveGrant(grant: OAuthTokenGrant, business: OAuthBusiness | null): Promise<OAuthConnectionRecord> {
    if (grant.refreshToken === null) throw new OAuthGrantError('rejected', `${this.#deps.serviceName} answered the sign-in without a refresh token`);
    const record = await this.#deps.store.saveGrant(this.#deps.provider, {
      tokens: sealGrant(this.#deps.secretBox, grant, grant.refreshToken, this.#deps.clock.now()),
      grantedBy: grant.grantedBy,
      business,
    });
    this.#deps.logger.info({ provider: this.#deps.provider, status: record.status, businessId: business?.id ?? null }, 'byte8: OAuth connection stored');
    return record;
  }

  /** Revokes the refresh token at the provider (best effort) and clears the tokens, under the row lock. */
  disconnect(): Promise<{ readonly wasConnected: boolean; readonly revoked: boolean }> {
    return revokeAndClear(this.#deps);
  }

  async #read(): Promise<OAuthConnectionRecord | null> {
    try {
      return await this.#deps.store.get(this.#deps.provider);
    } catch (error) {
      throw this.#error('transient', `the connection could not be read: ${(error as Error).message}`, error);
    }
  }

  async #refresh(rejected: string | undefined): Promise<OAuthAccess> {
    let outcome: Locked;
    try {
      outcome = await this.#deps.store.withLockedConnection<Locked>(this.#deps.provider, (current) => this.#decide(current, rejected));
    } catch (error) {
      if (error instanceof OAuthAccessError) throw error;
      throw this.#error('transient', `the refresh did not complete: ${(error as Error).message}`, error);
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.access;
  }

  /** Under the row lock: the row as it is now decides whether a refresh is still needed. */
  async #decide(current: OAuthConnectionRecord | null, rejected: string | undefined): Promise<{ change: OAuthLockedChange; result: Locked }> {
    const keep = { kind: 'keep' } as const;
    const problem = this.#problem(current, false);
    if (problem) return { change: keep, result: { error: problem } };
    const record = current!;
    const stored = this.#open(record);
    if (this.#fresh(record) && stored.accessToken !== rejected) return { change: keep, result: { access: stored } };
    let grant: OAuthTokenGrant;
    try {
      grant = await this.#deps.grants.refresh(this.#deps.secretBox.open(record.tokens!.sealedRefreshToken));
    } catch (error) {
      if (error instanceof OAuthGrantError && error.failure === 'invalid_grant') {
        const reason = this.#reconnectReason();
        this.#deps.logger.warn({ provider: this.#deps.provider }, 'byte8: refresh token refused (invalid_grant); reconnect needed');
        return { change: { kind: 'reconnect_needed', reason }, result: { error: this.#error('reconnect_needed', reason) } };
      }
      // Thrown: the transaction rolls back and the connection stays as it was.
      if (error instanceof OAuthGrantError && error.failure === 'rejected') throw this.#error('rejected', error.message, error);
      throw this.#error('transient', `the token refresh failed: ${(error as Error).message}`, error);
    }
    const refreshToken = grant.refreshToken ?? this.#deps.secretBox.open(record.tokens!.sealedRefreshToken);
    const tokens = sealGrant(this.#deps.secretBox, grant, refreshToken, this.#deps.clock.now());
    this.#deps.logger.info({ provider: this.#deps.provider, expiresAt: tokens.accessTokenExpiresAt.toISOString() }, 'byte8: OAuth access token refreshed');
    return {
      change: { kind: 'tokens', tokens },
      result: { access: { accessToken: grant.accessToken, expiresAt: tokens.accessTokenExpiresAt, business: record.business } },
    };
  }

  #problem(record: OAuthConnectionRecord | null, requireBusiness: boolean): OAuthAccessError | null {
    if (!record || record.status === 'disconnected' || !record.tokens) return this.#error('not_connected');
    if (record.status === 'reconnect_needed') return this.#error('reconnect_needed', record.statusReason ?? this.#reconnectReason());
    if (requireBusiness && (record.status === 'business_needed' || record.business === null)) return this.#error('business_needed');
    return null;
  }

  #fresh(record: OAuthConnectionRecord): boolean {
    return record.tokens!.accessTokenExpiresAt.getTime() - this.#deps.clock.now().getTime() > this.#marginMs;
  }

  #open(record: OAuthConnectionRecord): OAuthAccess {
    try {
      return {
        accessToken: this.#deps.secretBox.open(record.tokens!.sealedAccessToken),
        expiresAt: record.tokens!.accessTokenExpiresAt,
        business: record.business,
      };
    } catch (error) {
      throw this.#error('undecryptable', `the stored ${this.#deps.serviceName} tokens cannot be decrypted: restore the encryption key they were sealed with, or reconnect`, error);
    }
  }

  #reconnectReason(): string {
    return reconnectReason(this.#deps.serviceName);
  }

  #error(failure: OAuthAccessFailure, detail?: string, cause?: unknown): OAuthAccessError {
    return accessError(this.#deps.provider, this.#deps.serviceName, failure, detail, cause);
  }
}
