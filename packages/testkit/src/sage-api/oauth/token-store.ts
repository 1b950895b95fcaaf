import { randomBytes } from 'node:crypto';
import { signHs256 } from '../../crypto/sign-hs256.js';

/** (c.2) access tokens live 5 minutes. */
export const ACCESS_TOKEN_TTL_SECONDS = 300;
/** (c.2) refresh tokens live 31 days. */
export const REFRESH_TOKEN_TTL_SECONDS = 2_678_400;

/** One user's consent to one client; every token descends from it. */
export interface Grant {
  readonly id: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scope: string;
  revoked: boolean;
}

export interface AccessTokenEntry {
  /** A label for logs and assertions (`at_3`); never the token. */
  readonly tokenId: string;
  readonly grant: Grant;
  readonly expiresAtMs: number;
}

interface RefreshTokenEntry {
  readonly grant: Grant;
  readonly expiresAtMs: number;
  used: boolean;
  revoked: boolean;
  /** The refresh token its rotation produced, if any. */
  child: string | null;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenId: string;
  readonly grant: Grant;
}

export type AccessCheck = { readonly ok: true; readonly entry: AccessTokenEntry } | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'revoked' };

export type RefreshCheck = { readonly ok: true; readonly tokens: IssuedTokens } | { readonly ok: false; readonly reason: string };

/**
 * Access and refresh tokens. Refresh tokens rotate and serve once (c.2); a
 * used one is refused without touching its descendants (Sage documents
 * single use, not reuse detection). Revoking one kills it and every token
 * rotated from it; access tokens always live out their 5 minutes unless the
 * whole grant is revoked (the user removing the app).
 */
export class TokenStore {
  readonly #key = randomBytes(32);
  readonly #grants = new Map<string, Grant>();
  readonly #access = new Map<string, AccessTokenEntry>();
  readonly #refresh = new Map<string, RefreshTokenEntry>();
  #serial = 0;

  /** Opens a grant for a user's Allow and issues its first pair. */
  openGrant(clientId: string, userId: string, scope: string, nowMs: number): IssuedTokens {
    const grant: Grant = { id: randomBytes(8).toString('hex'), clientId, userId, scope, revoked: false };
    this.#grants.set(grant.id, grant);
    return this.#issue(grant, nowMs);
  }

  /** Trades a live refresh token of `clientId` for a new pair. */
  rotate(refreshToken: string, clientId: string, nowMs: number): RefreshCheck {
    const entry = this.#refresh.get(refreshToken);
    if (entry === undefined) return { ok: false, reason: 'unknown refresh token' };
    if (entry.grant.clientId !== clientId) return { ok: false, reason: 'refresh token of another client' };
    if (entry.revoked || entry.grant.revoked) return { ok: false, reason: 'refresh token revoked' };
    if (entry.used) return { ok: false, reason: 'refresh token already used' };
    if (entry.expiresAtMs <= nowMs) return { ok: false, reason: 'refresh token expired' };
    entry.used = true;
    const tokens = this.#issue(entry.grant, nowMs);
    entry.child = tokens.refreshToken;
    return { ok: true, tokens };
  }

  checkAccess(token: string, nowMs: number): AccessCheck {
    const entry = this.#access.get(token);
    if (entry === undefined) return { ok: false, reason: 'unknown' };
    if (entry.grant.revoked) return { ok: false, reason: 'revoked' };
    if (entry.expiresAtMs <= nowMs) return { ok: false, reason: 'expired' };
    return { ok: true, entry };
  }

  isAccessToken(token: string): boolean {
    return this.#access.has(token);
  }

  /** The client a refresh token was issued to, or undefined. */
  refreshClient(token: string): string | undefined {
    return this.#refresh.get(token)?.grant.clientId;
  }

  /** Revokes a refresh token and its descendants; returns how many were still alive. */
  revokeRefresh(token: string): number {
    let revoked = 0;
    for (let current: string | null = token; current !== null; ) {
      const entry: RefreshTokenEntry | undefined = this.#refresh.get(current);
      if (entry === undefined) break;
      if (!entry.revoked && !entry.used) revoked += 1;
      entry.revoked = true;
      current = entry.child;
    }
    return revoked;
  }

  /** Revokes every grant of a user (optionally of one client): refresh tokens die and access tokens stop working. */
  revokeGrants(userId: string, clientId?: string): number {
    let revoked = 0;
    for (const grant of this.#grants.values()) {
      if (grant.userId === userId && (clientId === undefined || grant.clientId === clientId) && !grant.revoked) {
        grant.revoked = true;
        revoked += 1;
      }
    }
    return revoked;
  }

  #issue(grant: Grant, nowMs: number): IssuedTokens {
    this.#serial += 1;
    const tokenId = `at_${this.#serial}`;
    const iat = Math.floor(nowMs / 1000);
    // JWT-shaped like Sage's (c.2), but only this store decides what is valid.
    const accessToken = signHs256(
      { iss: 'byte8-sage-api-simulator', sub: grant.userId, aud: grant.clientId, scope: grant.scope, iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS, jti: randomBytes(12).toString('hex') },
      this.#key,
    );
    const refreshToken = randomBytes(48).toString('base64url');
    this.#access.set(accessToken, { tokenId, grant, expiresAtMs: nowMs + ACCESS_TOKEN_TTL_SECONDS * 1000 });
    this.#refresh.set(refreshToken, { grant, expiresAtMs: nowMs + REFRESH_TOKEN_TTL_SECONDS * 1000, used: false, revoked: false, child: null });
    return { accessToken, refreshToken, tokenId, grant };
  }
}
