import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Clock, systemClock, type WireEventName } from '@byte8/core';
import { type MintInboundOptions, mintInboundToken } from '../crypto/inbound-token.js';
import { EventProcessor } from './event-processor.js';
import { FaultInjector } from './fault-injector.js';
import { HostClient, type PullTarget } from './host-client.js';
import { flatHeaders, readBody, type RouteReply, refuse } from './http-io.js';
import { routeLedgerRequest } from './ledger-router.js';
import { type PairOptions, type PairResult, pairWithHost } from './pair-driver.js';
import type { CallbackRecord, DeliveryRecord, ProcessingRecord, PullRecord, RecordedExchange, SimulatorStats } from './records.js';
import { RequestLog } from './request-log.js';
import type { RouteContext } from './route-context.js';
import { DEFAULT_PROVIDER, type LedgerSimulatorOptions, type PolicyConfig, PolicyTable } from './simulator-options.js';
import { type HealthSettings, type SimTenant, type TenantInput, TenantRegistry } from './tenant-registry.js';
import { type WaitOptions, waitFor } from './wait-for.js';

/**
 * A real HTTP server that plays the Byte8 Ledger side of the wire contract,
 * for tests, benchmarks and demos.
 *
 * @example
 * const sim = await LedgerSimulator.start({ policy: 'synced' });
 * const { tenantId } = await sim.pair(hostUrl, pairingCode);
 * // ... let the host deliver ...
 * await sim.waitForCallbacks(1);
 * await sim.stop();
 */
export class LedgerSimulator {
  /** Faults to inject; `faults.reset()` clears them all. */
  readonly faults = new FaultInjector();
  readonly policies: PolicyTable;
  readonly #server: Server;
  readonly #clock: Clock;
  readonly #log: RequestLog;
  readonly #tenants = new TenantRegistry();
  readonly #host: HostClient;
  readonly #processor: EventProcessor;
  readonly #ctx: RouteContext;
  readonly #publicUrl: string | undefined;
  #url = '';

  private constructor(options: LedgerSimulatorOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#log = new RequestLog(options.record ?? true, options.onActivity ?? null);
    this.#publicUrl = options.publicUrl?.replace(/\/+$/, '');
    this.policies = new PolicyTable(options.policy ?? 'none');
    this.#host = new HostClient({
      log: this.#log,
      timeoutMs: options.hostTimeoutMs ?? 15_000,
      now: () => this.#nowSeconds(),
      tokenTtlSeconds: options.inboundTokenTtlSeconds ?? 300,
      nbfBackdateSeconds: options.inboundNbfBackdateSeconds ?? 5,
    });
    this.#processor = new EventProcessor(this.policies, this.#host, this.#log, () => this.#clock.now());
    this.#ctx = {
      tenants: this.#tenants,
      log: this.#log,
      faults: this.faults,
      processor: this.#processor,
      syncRuns: new Map(),
      nowSeconds: () => this.#nowSeconds(),
      outboundMaxTtlSeconds: options.outboundMaxTtlSeconds ?? 60,
    };
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  /** Starts listening (127.0.0.1 and a random port unless told otherwise). */
  static async start(options: LedgerSimulatorOptions = {}): Promise<LedgerSimulator> {
    const sim = new LedgerSimulator(options);
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      sim.#server.once('error', reject);
      sim.#server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = sim.#server.address() as AddressInfo;
    sim.#url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return sim;
  }

  /** Where the simulator listens, e.g. `http://127.0.0.1:43123` (no trailing slash). */
  get url(): string {
    return this.#url;
  }

  get stats(): SimulatorStats {
    return this.#log.stats;
  }

  /** Every request both ways, in order (empty when recording is off). */
  get exchanges(): readonly RecordedExchange[] {
    return this.#log.exchanges;
  }

  get deliveries(): readonly DeliveryRecord[] {
    return this.#log.deliveries;
  }

  get pulls(): readonly PullRecord[] {
    return this.#log.pulls;
  }

  get callbacks(): readonly CallbackRecord[] {
    return this.#log.callbacks;
  }

  /** Terminal outcomes of processing, always kept. */
  get processed(): readonly ProcessingRecord[] {
    return this.#log.processed;
  }

  tenant(tenantId: string): SimTenant | undefined {
    return this.#tenants.get(tenantId);
  }

  tenants(): SimTenant[] {
    return this.#tenants.list();
  }

  /** Makes a tenant known without pairing (e.g. a host configured by hand). */
  registerTenant(input: TenantInput = {}): SimTenant {
    return this.#tenants.add(input, DEFAULT_PROVIDER);
  }

  /** Overrides parts of a tenant's health answer. */
  setHealth(tenantId: string, settings: HealthSettings): void {
    this.#requireTenant(tenantId).health = { ...this.#requireTenant(tenantId).health, ...settings };
  }

  /** Sets the processing policy of one event, or of every other event with `'*'`. */
  setPolicy(event: WireEventName | '*', config: PolicyConfig): void {
    this.policies.set(event, config);
  }

  /** Pairs with a host (wire-contract §4.2); remembers the tenant only when the host answers 200. */
  async pair(hostBaseUrl: string, pairingCode: string, options: PairOptions = {}): Promise<PairResult> {
    const { tenant: _tenant, ...result } = await pairWithHost(this.#host, this.#tenants, this.#publicUrl ?? this.#url, hostBaseUrl, pairingCode, options);
    return result;
  }

  /** Pulls a canonical resource from a tenant's host, as processing does; `token` replaces the fresh one. */
  pull(tenantId: string, target: PullTarget, id: number, options: { readonly token?: string } = {}): Promise<PullRecord> {
    return this.#host.pull(this.#requireTenant(tenantId), target, id, options.token);
  }

  /** A token the host must accept (fresh jti); overrides make it deliberately wrong. */
  mintInboundToken(tenantId: string, overrides: Partial<Omit<MintInboundOptions, 'tenantId'>> = {}): string {
    const tenant = this.#requireTenant(tenantId);
    return mintInboundToken({ tenantId, subkey: tenant.inboundKey, now: this.#nowSeconds(), nbfBackdateSeconds: 5, ...overrides });
  }

  /** Resolves with the first truthy value of `condition`, re-checked whenever something is recorded. */
  waitFor<T>(condition: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
    return waitFor(condition, options, (wake) => this.#log.onChange(wake));
  }

  /** Waits until `n` webhook requests arrived (any answer). */
  async waitForDeliveries(n: number, options: WaitOptions = {}): Promise<void> {
    await this.waitFor(() => this.#log.stats.deliveries >= n, { message: `${n} deliveries (have ${this.#log.stats.deliveries})`, ...options });
  }

  /** Waits until `n` sync-state callbacks were answered by the host. */
  async waitForCallbacks(n: number, options: WaitOptions = {}): Promise<void> {
    await this.waitFor(() => this.#log.stats.callbacks >= n, { message: `${n} callbacks (have ${this.#log.stats.callbacks})`, ...options });
  }

  /** Resolves once every accepted delivery finished processing. */
  idle(): Promise<void> {
    return this.#processor.idle();
  }

  /** Forgets records and counters and clears faults; tenants and accepted keys stay. */
  reset(): void {
    this.#log.clear();
    this.faults.reset();
  }

  /** Cancels waiting work, closes connections and stops listening. */
  async stop(): Promise<void> {
    await this.#processor.stop();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    await this.#host.close();
  }

  #nowSeconds(): number {
    return Math.floor(this.#clock.now().getTime() / 1000);
  }

  #requireTenant(tenantId: string): SimTenant {
    const tenant = this.#tenants.get(tenantId);
    if (tenant === undefined) throw new Error(`unknown tenant ${tenantId}: pair or registerTenant first`);
    return tenant;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = new Date();
    const started = performance.now();
    const headers = flatHeaders(req.headers);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body = '';
    let routeReply: RouteReply;
    try {
      body = await readBody(req);
      routeReply = await routeLedgerRequest({ ctx: this.#ctx, pair: (h, c, o) => this.pair(h, c, o), url: this.#url }, req.method ?? 'GET', url, headers, body);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'internal';
      routeReply = refuse(message === 'request body too large' ? 413 : 500, message);
    }
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
    let responseBody = '';
    if (routeReply.kind === 'drop') {
      req.socket.destroy();
    } else {
      responseBody = routeReply.text ?? (routeReply.body === undefined ? '' : JSON.stringify(routeReply.body));
      res.writeHead(routeReply.status, {
        ...(responseBody ? { 'content-type': 'application/json' } : {}),
        ...routeReply.headers,
      });
      res.end(responseBody);
    }
    this.#log.exchange({
      direction: 'to-ledger',
      method: req.method ?? 'GET',
      url: `${this.#url}${url.pathname}${url.search}`,
      path: url.pathname + url.search,
      headers,
      body,
      status: routeReply.kind === 'drop' ? 0 : routeReply.status,
      responseBody,
      startedAt,
      durationMs: performance.now() - started,
      error: routeReply.kind === 'drop' ? 'connection dropped by fault' : null,
    });
  }
}
