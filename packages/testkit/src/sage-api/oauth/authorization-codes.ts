import { randomBytes } from 'node:crypto';
import type { PkceChallenge } from './pkce.js';

/** (c.2) a code lives 60 s and serves once. */
export const AUTHORIZATION_CODE_TTL_MS = 60_000;

export interface AuthorizationCodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly userId: string;
  readonly scope: string;
  readonly challenge: PkceChallenge | null;
  readonly expiresAtMs: number;
}

/** Codes handed out on Allow, each taken at most once. */
export class AuthorizationCodes {
  readonly #codes = new Map<string, AuthorizationCodeGrant>();

  issue(grant: Omit<AuthorizationCodeGrant, 'expiresAtMs'>, nowMs: number): string {
    const code = randomBytes(24).toString('base64url');
    this.#codes.set(code, { ...grant, expiresAtMs: nowMs + AUTHORIZATION_CODE_TTL_MS });
    return code;
  }

  /** Removes and returns the code's grant: any presentation uses the code up, right or wrong. */
  take(code: string): AuthorizationCodeGrant | undefined {
    const grant = this.#codes.get(code);
    this.#codes.delete(code);
    return grant;
  }
}
