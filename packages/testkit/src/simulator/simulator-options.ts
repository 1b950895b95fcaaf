import type { Clock, WireEventName } from '@byte8/core';

/** What the simulated ledger does after answering 202 to a delivery. */
export type PolicyOutcome = 'synced' | 'skipped' | 'failed' | 'none';

/** Per-event processing policy. `none` accepts and stops: no pull, no callback. */
export interface EventPolicy {
  readonly outcome: PolicyOutcome;
  /** Wait before processing, in ms. Default 0. */
  readonly delayMs?: number;
  /** `skip_reason` of a skipped callback. Default `outside_sync_since`. */
  readonly skipReason?: string;
  /** `error_code` of a failed callback. Default `provider`. */
  readonly errorCode?: string;
  /** `message` of a skipped or failed callback (this project's optional field). Default none; a failed pull sends its reason. */
  readonly message?: string;
  /** `provider_entity_id` of a synced callback. Default: 32 random hex characters, like Sage's ids. */
  readonly providerEntityId?: (delivery: { readonly event: string; readonly entityId: number }) => string;
  /** Pull the canonical entity before calling back. Default true. */
  readonly pull?: boolean;
}

export type PolicyConfig = PolicyOutcome | EventPolicy;

/** A policy for every event, with optional per-event overrides. */
export type PolicyMap = { readonly default?: PolicyConfig } & { readonly [E in WireEventName]?: PolicyConfig };

export interface LedgerSimulatorOptions {
  /** Default 0: a random free port. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default `none`: accept only, which keeps benchmarks cheap. */
  readonly policy?: PolicyConfig | PolicyMap;
  /** Time for every JWT check and every minted token. Default: the system clock. */
  readonly clock?: Clock;
  /** Keep every request both ways (headers, bodies, timings). Default true; counters are kept either way. */
  readonly record?: boolean;
  /** `exp − iat` of tokens sent to the host. Default 300 (the host's ceiling). */
  readonly inboundTokenTtlSeconds?: number;
  /** How far `nbf` of tokens sent to the host is back-dated (wire-contract §3.3.2 advice). Default 5. */
  readonly inboundNbfBackdateSeconds?: number;
  /** `exp − iat` ceiling for tokens from the host. Default 60 (wire-contract §3.2). */
  readonly outboundMaxTtlSeconds?: number;
  /** `ledger_base_url` sent when pairing. Default: the simulator's own URL. */
  readonly publicUrl?: string;
  /** Total timeout of each call to the host, in ms. Default 15000. */
  readonly hostTimeoutMs?: number;
  /** Called with one readable line per delivery, pull and callback (no token, key or header). Default: none. */
  readonly onActivity?: (line: string) => void;
}

export const DEFAULT_PROVIDER = 'sage_accounting';

export function normalisePolicy(config: PolicyConfig): EventPolicy {
  return typeof config === 'string' ? { outcome: config } : config;
}

function isPolicyMap(config: PolicyConfig | PolicyMap): config is PolicyMap {
  return typeof config === 'object' && !('outcome' in config);
}

/** Holds the per-event policies; `set` changes them at run time. */
export class PolicyTable {
  #fallback: EventPolicy;
  readonly #perEvent = new Map<string, EventPolicy>();

  constructor(config: PolicyConfig | PolicyMap = 'none') {
    if (!isPolicyMap(config)) {
      this.#fallback = normalisePolicy(config);
      return;
    }
    this.#fallback = normalisePolicy(config.default ?? 'none');
    for (const [event, policy] of Object.entries(config)) {
      if (event !== 'default' && policy !== undefined) this.#perEvent.set(event, normalisePolicy(policy));
    }
  }

  /** Sets the policy of one event, or of every event without its own (`'*'`). */
  set(event: WireEventName | '*', config: PolicyConfig): void {
    if (event === '*') this.#fallback = normalisePolicy(config);
    else this.#perEvent.set(event, normalisePolicy(config));
  }

  for(event: string): EventPolicy {
    return this.#perEvent.get(event) ?? this.#fallback;
  }
}
