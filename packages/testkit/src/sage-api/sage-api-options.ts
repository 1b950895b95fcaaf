import type { Clock } from '@byte8/core';

/** An OAuth client the simulator knows, as registered in Sage's developer portal (c.2). */
export interface SageClientRegistration {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exact URIs (character for character) a callback may go to. */
  readonly redirectUris: readonly string[];
  /** Shown on the authorize page. Default: the client id. */
  readonly name?: string;
}

/** Requests each business may make per window before 429s (c.4: Sage publishes no numbers). */
export interface SageRateLimit {
  readonly requests: number;
  readonly windowMs: number;
}

export interface SageApiSimulatorOptions {
  /** Default 0: a random free port. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Time for codes, tokens, timestamps and the rate-limit window. Default: the system clock. `sim.advance(ms)` moves it on. */
  readonly clock?: Clock;
  /** Registered OAuth clients. Default: the demo client only. */
  readonly clients?: readonly SageClientRegistration[];
  /** Per-business API rate limit; `null` turns it off. Default 10 000 requests per 60 s, which normal tests never reach. */
  readonly rateLimit?: SageRateLimit | null;
  /** Keep the request log. Default true; counters are kept either way. */
  readonly record?: boolean;
}

/** The client registered when none are given; `byte8-sage-sim` prints it. */
export const SAGE_DEMO_CLIENT: SageClientRegistration = {
  clientId: 'byte8-demo-client',
  clientSecret: 'byte8-demo-client-secret',
  redirectUris: ['http://127.0.0.1:3000/sage/oauth/callback', 'http://localhost:3000/sage/oauth/callback'],
  name: 'Byte8 Demo Connector',
};

export const DEFAULT_RATE_LIMIT: SageRateLimit = { requests: 10_000, windowMs: 60_000 };

export interface ResolvedSageApiOptions {
  readonly port: number;
  readonly host: string;
  readonly clock: Clock | undefined;
  readonly clients: readonly SageClientRegistration[];
  readonly rateLimit: SageRateLimit | null;
  readonly record: boolean;
}

function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new TypeError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}

/** Checks a client registration; throws naming the bad setting. */
export function checkClientRegistration(client: SageClientRegistration, name = 'client'): SageClientRegistration {
  if (typeof client?.clientId !== 'string' || client.clientId.trim() === '') throw new TypeError(`${name}.clientId must be a non-empty string`);
  if (typeof client.clientSecret !== 'string' || client.clientSecret === '') throw new TypeError(`${name}.clientSecret must be a non-empty string`);
  if (!Array.isArray(client.redirectUris) || client.redirectUris.length === 0) throw new TypeError(`${name}.redirectUris must list at least one URI`);
  for (const uri of client.redirectUris) {
    if (typeof uri !== 'string' || !URL.canParse(uri) || new URL(uri).hash !== '') {
      throw new TypeError(`${name}.redirectUris must hold absolute URIs without a fragment, got ${String(uri)}`);
    }
  }
  if (client.name !== undefined && typeof client.name !== 'string') throw new TypeError(`${name}.name must be a string`);
  return client;
}

/** Validates options at start, failing closed with the setting's name. */
export function resolveSageApiOptions(options: SageApiSimulatorOptions): ResolvedSageApiOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`port must be an integer from 0 to 65535, got ${String(port)}`);
  const host = options.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '') throw new TypeError('host must be a non-empty string');
  const clients = options.clients ?? [SAGE_DEMO_CLIENT];
  if (!Array.isArray(clients)) throw new TypeError('clients must be an array');
  for (const [index, client] of clients.entries()) checkClientRegistration(client, `clients[${index}]`);
  const ids = new Set(clients.map((client) => client.clientId));
  if (ids.size !== clients.length) throw new TypeError('clients must not register one clientId twice');
  let rateLimit: SageRateLimit | null = DEFAULT_RATE_LIMIT;
  if (options.rateLimit === null) rateLimit = null;
  else if (options.rateLimit !== undefined) {
    rateLimit = {
      requests: positiveInteger('rateLimit.requests', options.rateLimit.requests),
      windowMs: positiveInteger('rateLimit.windowMs', options.rateLimit.windowMs),
    };
  }
  if (options.clock !== undefined && typeof options.clock?.now !== 'function') throw new TypeError('clock must have a now() method');
  return { port, host, clock: options.clock, clients, rateLimit, record: options.record ?? true };
}
