/** Counters that always run, so a test can assert "exactly one refresh" or "no second invoice". */
export interface SageApiStats {
  /** Every request the simulator answered (or dropped). */
  readonly requests: number;
  /** Requests answered by an injected fault. */
  readonly faulted: number;
  /** 429s from the rate limit (not from injected faults). */
  readonly throttled: number;
  /** API 401s. */
  readonly unauthorized: number;
  /** Allow and Deny clicks on the authorize page. */
  readonly authorizations: { readonly allowed: number; readonly denied: number };
  /** Successful token calls per grant type. */
  readonly tokenGrants: { readonly authorization_code: number; readonly refresh_token: number };
  /** Refused token and revoke calls per OAuth error (`invalid_grant`, ...). */
  readonly tokenErrors: Readonly<Record<string, number>>;
  /** Successful revoke calls. */
  readonly revocations: number;
  /** Successful API writes per resource, over every business. */
  readonly creates: Readonly<Record<string, number>>;
  readonly updates: Readonly<Record<string, number>>;
  readonly deletes: Readonly<Record<string, number>>;
}

/** The counters as the routes bump them. */
export interface MutableSageApiStats {
  requests: number;
  faulted: number;
  throttled: number;
  unauthorized: number;
  authorizations: { allowed: number; denied: number };
  tokenGrants: { authorization_code: number; refresh_token: number };
  tokenErrors: Record<string, number>;
  revocations: number;
  creates: Record<string, number>;
  updates: Record<string, number>;
  deletes: Record<string, number>;
}

export const emptyStats = (): MutableSageApiStats => ({
  requests: 0,
  faulted: 0,
  throttled: 0,
  unauthorized: 0,
  authorizations: { allowed: 0, denied: 0 },
  tokenGrants: { authorization_code: 0, refresh_token: 0 },
  tokenErrors: {},
  revocations: 0,
  creates: {},
  updates: {},
  deletes: {},
});

export function bump(counter: Record<string, number>, key: string): void {
  counter[key] = (counter[key] ?? 0) + 1;
}
