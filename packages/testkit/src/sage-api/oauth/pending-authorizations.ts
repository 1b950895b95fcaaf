import { randomBytes } from 'node:crypto';
import type { PkceChallenge } from './pkce.js';

/** How long the sign-in page stays usable. The simulator's choice; (c.2) says nothing about it. */
const PENDING_TTL_MS = 10 * 60_000;

/** An authorize request that passed the checks and waits for the user's Allow or Deny. */
export interface PendingAuthorization {
  readonly clientId: string;
  readonly clientName: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string | null;
  readonly challenge: PkceChallenge | null;
  /** Upper-case country asked for, or null when the user may pick. */
  readonly country: string | null;
  readonly expiresAtMs: number;
}

/** Authorize requests between the sign-in page and the user's decision, keyed by an id the form carries. */
export class PendingAuthorizations {
  readonly #pending = new Map<string, PendingAuthorization>();

  open(request: Omit<PendingAuthorization, 'expiresAtMs'>, nowMs: number): string {
    const id = randomBytes(16).toString('hex');
    this.#pending.set(id, { ...request, expiresAtMs: nowMs + PENDING_TTL_MS });
    return id;
  }

  /** Removes and returns the request if it is still open. */
  take(id: string, nowMs: number): PendingAuthorization | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    return pending !== undefined && pending.expiresAtMs > nowMs ? pending : undefined;
  }
}
