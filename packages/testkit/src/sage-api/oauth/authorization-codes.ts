import type { PkceChallenge } from './pkce.js';
import { SingleUseStore } from './single-use-store.js';

/** (c.2) a code lives 60 s and serves once. */
export const AUTHORIZATION_CODE_TTL_MS = 60_000;

export interface AuthorizationCodeGrant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly userId: string;
  readonly scope: string;
  readonly challenge: PkceChallenge | null;
}

/** Codes handed out on Allow; any presentation uses the code up, right or wrong. */
export class AuthorizationCodes extends SingleUseStore<AuthorizationCodeGrant> {
  constructor() {
    super(AUTHORIZATION_CODE_TTL_MS, 24);
  }
}
