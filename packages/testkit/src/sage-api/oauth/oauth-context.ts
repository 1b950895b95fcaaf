import type { AccountDirectory } from '../accounts/account-directory.js';
import type { MutableSageApiStats } from '../log/sage-api-stats.js';
import type { RequestTrace } from '../log/request-trace.js';
import type { AuthorizationCodes } from './authorization-codes.js';
import type { ClientRegistry } from './client-registry.js';
import type { PendingAuthorizations } from './pending-authorizations.js';
import type { TokenStore } from './token-store.js';

/** What the OAuth routes share. */
export interface OAuthContext {
  readonly clients: ClientRegistry;
  readonly codes: AuthorizationCodes;
  readonly pending: PendingAuthorizations;
  readonly tokens: TokenStore;
  readonly directory: AccountDirectory;
  readonly nowMs: () => number;
  readonly stats: MutableSageApiStats;
}

/** One OAuth request: its form or query, headers and the trace to fill for the log. */
export interface OAuthRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly trace: RequestTrace;
}
