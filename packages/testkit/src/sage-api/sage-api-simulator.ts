import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { flatHeaders, readBody } from '../simulator/http-io.js';
import { AccountDirectory } from './accounts/account-directory.js';
import { AdjustableClock } from './adjustable-clock.js';
import { RateLimiter } from './api/rate-limiter.js';
import { SageFaultInjector } from './faults/sage-fault-injector.js';
import { jsonReply, type SageReply } from './http/sage-reply.js';
import { writeReply } from './http/write-reply.js';
import { emptyTrace } from './log/request-trace.js';
import type { SageApiStats } from './log/sage-api-stats.js';
import { SageRequestLog, type SageRequestRecord } from './log/sage-request-log.js';
import { AuthorizationCodes } from './oauth/authorization-codes.js';
import { ClientRegistry } from './oauth/client-registry.js';
import type { OAuthContext } from './oauth/oauth-context.js';
import { PendingAuthorizations } from './oauth/pending-authorizations.js';
import { TokenStore } from './oauth/token-store.js';
import { resolveSageApiOptions, type SageApiSimulatorOptions, type SageClientRegistration, type SageRateLimit } from './sage-api-options.js';
import { internalError, routeSageRequest, SAGE_PATHS, type SageRouterDeps } from './sage-router.js';
import type { SeededUser } from './seed/seeded-accounts.js';
import type { SimBusiness } from './store/sim-business.js';

/** The URLs a connector is configured with (c.1, c.2), all on the one simulator. */
export interface SageApiUrls {
  /** `…/oauth2/auth/central?filter=apiv3.1`: append `&client_id=…&response_type=code&…`. */
  readonly authorize: string;
  readonly token: string;
  readonly revoke: string;
  /** `…/v3.1`, the API base. */
  readonly api: string;
}

/**
 * A real HTTP server that plays Sage Business Cloud Accounting v3.1: OAuth
 * (authorize page, token, revoke) and the API, over seeded UK businesses.
 *
 * @example
 * const sim = await SageApiSimulator.start({ clients: [{ clientId: 'c', clientSecret: 's', redirectUris: [callback] }] });
 * // send the browser to sim.urls.authorize + '&client_id=c&response_type=code&redirect_uri=...'
 * // exchange the code at sim.urls.token, then call `${sim.urls.api}/businesses/lead`
 * sim.advance(300_000); // the access token has now expired
 * await sim.stop();
 */
export class SageApiSimulator {
  /** Faults to inject; `faults.reset()` clears them. */
  readonly faults = new SageFaultInjector();
  readonly #clock: AdjustableClock;
  readonly #log: SageRequestLog;
  readonly #clients: ClientRegistry;
  readonly #directory = new AccountDirectory();
  readonly #tokens = new TokenStore();
  readonly #limiter: RateLimiter;
  readonly #deps: SageRouterDeps;
  readonly #server: Server;
  #origin = '';

  private constructor(options: ReturnType<typeof resolveSageApiOptions>) {
    // The wall clock when none is given; a type-only use of core's Clock keeps the command light to start.
    this.#clock = new AdjustableClock(options.clock ?? { now: () => new Date() });
    this.#log = new SageRequestLog(options.record);
    this.#clients = new ClientRegistry(options.clients);
    this.#limiter = new RateLimiter(options.rateLimit);
    const oauth: OAuthContext = {
      clients: this.#clients,
      codes: new AuthorizationCodes(),
      pending: new PendingAuthorizations(),
      tokens: this.#tokens,
      directory: this.#directory,
      nowMs: () => this.#clock.nowMs(),
      stats: this.#log.stats,
    };
    this.#deps = { oauth, api: { tokens: this.#tokens, directory: this.#directory, limiter: this.#limiter, stats: this.#log.stats, now: () => this.#clock.now() } };
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  /** Starts listening (127.0.0.1 and a random port unless told otherwise); options are checked first. */
  static async start(options: SageApiSimulatorOptions = {}): Promise<SageApiSimulator> {
    const resolved = resolveSageApiOptions(options);
    const sim = new SageApiSimulator(resolved);
    await new Promise<void>((resolve, reject) => {
      sim.#server.once('error', reject);
      sim.#server.listen(resolved.port, resolved.host, () => resolve());
    });
    const { port } = sim.#server.address() as AddressInfo;
    sim.#origin = `http://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${port}`;
    return sim;
  }

  /** Where the simulator listens, e.g. `http://127.0.0.1:43123`. */
  get url(): string {
    return this.#origin;
  }

  get urls(): SageApiUrls {
    return {
      authorize: `${this.#origin}${SAGE_PATHS.authorize}?filter=apiv3.1`,
      token: `${this.#origin}${SAGE_PATHS.token}`,
      revoke: `${this.#origin}${SAGE_PATHS.revoke}`,
      api: `${this.#origin}${SAGE_PATHS.api}`,
    };
  }

  /** Counters since start (or the last `reset()`). */
  get stats(): SageApiStats {
    return this.#log.snapshot();
  }

  /** Every request, in order (empty when `record` is off). No bodies, no tokens. */
  get requests(): readonly SageRequestRecord[] {
    return this.#log.records;
  }

  /** Calls `listener` after every request; returns the unsubscribe function. */
  onRequest(listener: (record: SageRequestRecord) => void): () => void {
    return this.#log.onRequest(listener);
  }

  /** A seeded business: read back what was posted (`list`, `get`), its seed ids and write counts. */
  business(id: string): SimBusiness {
    const business = this.#directory.business(id);
    if (business === undefined) throw new Error(`unknown business ${id}: use SAGE_SEED.businesses`);
    return business;
  }

  businesses(): SimBusiness[] {
    return this.#directory.businesses();
  }

  users(): SeededUser[] {
    return this.#directory.users();
  }

  /** Registers (or replaces) an OAuth client, e.g. one whose redirect URI is a test's callback server. */
  registerClient(client: SageClientRegistration): SageClientRegistration {
    return this.#clients.register(client);
  }

  clients(): SageClientRegistration[] {
    return this.#clients.list();
  }

  /** The simulator's time. */
  now(): Date {
    return this.#clock.now();
  }

  /** Moves the simulator's time on (codes expire after 60 s, access tokens after 300 s, refresh tokens after 31 days). */
  advance(ms: number): void {
    this.#clock.advance(ms);
  }

  /** Changes the per-business rate limit (`null`: off); the current windows start over. */
  setRateLimit(limit: SageRateLimit | null): void {
    this.#limiter.limit = limit === null ? null : resolveSageApiOptions({ rateLimit: limit }).rateLimit;
    this.#limiter.reset();
  }

  /** The user removes the app in Sage: every grant (of `clientId`, if given) dies; refresh gets invalid_grant, API calls 401. */
  revokeApp(userId: string, clientId?: string): number {
    return this.#tokens.revokeGrants(userId, clientId);
  }

  /** Forgets the request log and counters, clears faults and rate windows; businesses and tokens stay. */
  reset(): void {
    this.#log.clear();
    this.faults.reset();
    this.#limiter.reset();
  }

  /** Closes every connection (hung ones too) and stops listening. */
  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const at = this.#clock.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const trace = emptyTrace();
    let fault = this.faults.take(method, url.pathname);
    let reply: SageReply;
    if (fault !== null) {
      req.resume();
      reply = fault.reply;
    } else {
      try {
        const body = await readBody(req);
        reply = routeSageRequest(this.#deps, { method, url, headers: flatHeaders(req.headers), body, trace });
        const after = reply.kind === 'send' && reply.status < 300 ? this.faults.takeAfterApply(method, url.pathname) : null;
        if (after !== null) {
          fault = after;
          reply = after.reply;
        }
      } catch (error) {
        const tooLarge = error instanceof Error && error.message === 'request body too large';
        reply = tooLarge ? jsonReply(413, [{ $severity: 'error', $dataCode: 'PayloadTooLarge', $message: 'Request body too large', $source: '' }]) : internalError();
      }
    }
    if (this.faults.latencyMs > 0 && reply.kind === 'send') await sleep(this.faults.latencyMs);
    writeReply(res, reply);
    this.#log.add({
      at,
      method,
      path: url.pathname + url.search,
      status: reply.kind === 'send' ? reply.status : 0,
      businessId: trace.businessId,
      userId: trace.userId,
      clientId: trace.clientId,
      tokenId: trace.tokenId,
      fault: fault?.label ?? null,
      note: trace.note,
      durationMs: performance.now() - started,
    });
  }
}
