import type { PkceChallenge } from './pkce.js';
import { SingleUseStore } from './single-use-store.js';

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
}

/** Authorize requests between the sign-in page and the user's decision, keyed by an id the form carries. */
export class PendingAuthorizations extends SingleUseStore<PendingAuthorization> {
  constructor() {
    super(PENDING_TTL_MS, 16);
  }
}
