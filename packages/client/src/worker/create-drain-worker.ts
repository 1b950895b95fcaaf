import { hostname } from 'node:os';
import {
  type Clock,
  type ConnectionStore,
  type DeliveryOutcome,
  type DeliveryResponse,
  type LedgerAuth,
  type LedgerTransport,
  type Logger,
  type OutboxRow,
  type OutboxStore,
  type Provider,
  type Random,
  type ReplayGuard,
  type SecretBox,
  silentLogger,
  systemClock,
} from '@byte8/core';
import type { DrainWorkerHandle } from '../app/byte8-types.js';
import type { DirectDeliveryChannel } from '../direct-delivery/direct-delivery-channel.js';
import { systemRandom } from '../crypto/system-random.js';
import { type MetricsRecorder, noopMetricsRecorder } from '../metrics/metrics-recorder.js';
import type { LedgerUrlPolicy } from '../transport/ledger-url-policy.js';
import { defaultLedgerUrlPolicy, resolveLedgerAuth } from '../transport/resolve-ledger-auth.js';
import type { BackoffOptions } from './backoff.js';
import { mapBounded } from './map-bounded.js';
import { outcomeFor } from './outcome-for.js';
import { passFailures } from './pass-failures.js';
import { resolveWorkerOptions, type DrainWorkerOptions } from './drain-worker-options.js';

export interface DrainWorkerDeps {
  readonly outbox: OutboxStore;
  readonly connections: ConnectionStore;
  readonly transport: LedgerTransport;
  readonly secretBox: SecretBox;
  /** Installed providers; rows of other providers are never claimed. */
  readonly providers: readonly Pick<Provider, 'key' | 'webhookProviderParam'>[];
  /** Where a stored ledger base URL may point; default the real ledger's hosts and `defaultBaseUrl`. */
  readonly ledgerUrlPolicy?: LedgerUrlPolicy;
  /** Inbound `jti` memory; GC drops its expired entries (the table grows by one row per ledger pull). */
  readonly replayGuard?: Pick<ReplayGuard, 'purgeExpired'>;
  /** Wake-up hint (e.g. `storage.listen`, NOTIFY); polling alone stays correct. */
  readonly listen?: (onNotify: () => void) => Promise<() => Promise<void>>;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly logger?: Logger;
  readonly metrics?: MetricsRecorder;
  /** Providers in direct mode: their rows go to the mode's engine, not the ledger. */
  readonly direct?: DirectDeliveryChannel;
}

/** The loop handle plus direct access to GC (CLI `outbox cleanup`, tests). */
export interface DrainWorker extends DrainWorkerHandle {
  readonly workerId: string;
  /** Deletes succeeded rows older than the retention, in bounded batches, and expired `jti`s; returns the outbox count. */
  gc(): Promise<number>;
}

interface ProviderTarget {
  readonly auth: LedgerAuth;
  readonly providerParam: string | null;
}

/**
 * The drain worker (design §5 Outbound): claims due rows of connected
 * providers (current tenant only) under a lease, delivers each batch with
 * bounded concurrency, and records the batch's outcomes in one `complete()`.
 * Several workers, in one process or many, may share one database: the lease
 * (`FOR UPDATE SKIP LOCKED`) keeps them from sending a row concurrently.
 *
 * @example
 * const worker = createDrainWorker({ outbox, connections, transport, secretBox, providers,
 *   listen: storage.listen }, { concurrency: 32 });
 * worker.start();
 * process.on('SIGTERM', () => worker.stop());
 */
export function createDrainWorker(deps: DrainWorkerDeps, options: DrainWorkerOptions = {}): DrainWorker {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? systemRandom;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noopMetricsRecorder;
  const opts = resolveWorkerOptions(options);
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${random.uuid().slice(0, 8)}`;
  const backoff: BackoffOptions = { ladderSeconds: opts.backoffLadderSeconds, jitter: opts.jitter };
  const installed = new Map(deps.providers.map((p) => [p.key, p.webhookProviderParam]));
  const urlPolicy = deps.ledgerUrlPolicy ?? defaultLedgerUrlPolicy(opts.defaultBaseUrl);

  let running = false;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let wokenDuringPass = false;
  /**
   * Claiming one row at a time after a crash, until the crashed batch's rows are through. A
   * worker starts this way: if it replaces one that crashed, the first claim is the oldest suspect.
   */
  let oneByOne = true;
  /**
   * The next batch, claimed while the current one is in flight (a full batch means more is
   * probably due): claim and delivery overlap instead of taking turns. Its rows stay pending,
   * so the per-entity FIFO check keeps later rows of the same entities back.
   */
  let claimedAhead: Promise<OutboxRow[]> | null = null;
  let lastGcAt: number | null = null;
  let lastWorkAt: number | null = null;
  const passes = new Set<Promise<number>>();
  const failures = passFailures({ firstDelayMs: 100, maxDelayMs: Math.max(opts.pollIntervalMs, 10_000), logEveryMs: 60_000, random, logger });

  /** Connected, installed providers with their decrypted credentials; decrypted once per pass. */
  async function targets(): Promise<Map<string, ProviderTarget>> {
    const found = new Map<string, ProviderTarget>();
    for (const record of await deps.connections.list()) {
      if (!installed.has(record.provider) || deps.direct?.handles(record.provider)) continue;
      try {
        const auth = resolveLedgerAuth(record, deps.secretBox, opts.defaultBaseUrl, urlPolicy);
        if (auth) found.set(record.provider, { auth, providerParam: installed.get(record.provider) ?? null });
      } catch (error) {
        const refused = error instanceof Error && error.name === 'LedgerUrlRefusedError';
        const message = refused ? 'ledger base URL refused; provider not drained (its rows wait)' : 'cannot open the master key; provider not drained';
        logger.error({ provider: record.provider, error: errorText(error) }, message);
      }
    }
    return found;
  }

  async function deliver(row: OutboxRow, target: ProviderTarget): Promise<DeliveryOutcome> {
    const started = performance.now();
    let response: DeliveryResponse;
    try {
      response = await deps.transport.deliver({
        ...target.auth,
        provider: row.provider,
        providerParam: target.providerParam,
        eventName: row.eventName,
        idempotencyKey: row.idempotencyKey,
        body: row.body,
      });
    } catch (error) {
      // The port promises not to throw; if one does, the row is retried instead of failing the whole batch.
      response = { kind: 'network-error', message: errorText(error) };
    }
    const outcome = outcomeFor(row, response, clock.now(), { ...backoff, maxAttempts: opts.maxAttempts, random });
    metrics.delivery(row.provider, outcome.kind, performance.now() - started);
    if (outcome.kind === 'dead_lettered') {
      logger.error(
        { id: row.id, event: row.eventName, provider: row.provider, status: outcome.statusCode, error: outcome.error.slice(0, 500) },
        'outbox row dead-lettered',
      );
    }
    return outcome;
  }

  /** One claim-deliver-complete pass; `claimAhead`: claim the next batch while a full one is in flight. */
  async function pass(claimAhead: boolean): Promise<number> {
    const byProvider = await targets();
    const directTenants = deps.direct ? (await deps.direct.tenants()).filter((t) => installed.has(t.provider)) : [];
    const directProviders = new Set(directTenants.map((t) => t.provider));
    const directTenantOf = new Map(directTenants.map((t) => [t.provider, t.tenantId]));
    // Nothing claimed means no crashed batch is left to retry one by one (else an idle worker spins).
    if (byProvider.size === 0 && directTenants.length === 0) {
      oneByOne = false;
      await releaseClaimedAhead();
      return 0;
    }
    const tenants = [...[...byProvider].map(([provider, t]) => ({ provider, tenantId: t.auth.tenantId })), ...directTenants];
    const claim = (limit: number) => deps.outbox.claim({ owner: workerId, limit, leaseMs: opts.leaseMs, tenants });
    const early = await takeClaimedAhead();
    const rows = early.length > 0 ? early : await claim(oneByOne ? 1 : opts.batchSize);
    if (rows.length === 0) {
      oneByOne = false;
      return 0;
    }

    const outcomes: DeliveryOutcome[] = [];
    const deliverable: OutboxRow[] = [];
    const giveBack: number[] = [];
    for (const row of rows) {
      if (row.attemptsStarted - row.attempts > opts.poisonThreshold) {
        // Claimed again and again without an attempt ever finishing: it crashes (or hangs) the worker.
        const error = `poison: claimed ${row.attemptsStarted} times but only ${row.attempts} attempts finished`;
        logger.error({ id: row.id, event: row.eventName, provider: row.provider }, error);
        outcomes.push({ kind: 'dead_lettered', id: row.id, statusCode: null, error, at: clock.now() });
      } else if (byProvider.get(row.provider)?.auth.tenantId === row.tenantId || directTenantOf.get(row.provider) === row.tenantId) {
        // The tenant test matters for a batch claimed ahead: a re-pair since then holds its rows.
        deliverable.push(row);
      } else {
        giveBack.push(row.id);
      }
    }
    // A row whose previous claim never finished was in a pass that crashed, and its whole batch
    // shares that mark. So suspects are retried one claim at a time (batch-mates released first,
    // which undoes their claim count): only a row that crashes the worker on its own reaches the
    // poison threshold, and a crash-looping worker (OOM, redeploys) does not dead-letter innocent rows.
    const suspect = deliverable.find((row) => row.attemptsStarted - row.attempts > 1);
    oneByOne = suspect !== undefined;
    if (suspect && deliverable.length > 1) {
      giveBack.push(...deliverable.filter((row) => row !== suspect).map((row) => row.id));
      deliverable.length = 0;
      deliverable.push(suspect);
      await deps.outbox.release(workerId, giveBack.splice(0));
    }
    if (claimAhead && !oneByOne && !stopping && rows.length >= opts.batchSize) {
      claimedAhead = claim(opts.batchSize);
      // Handled where it is taken; this keeps a failure meanwhile from being an unhandled rejection.
      claimedAhead.catch(() => {});
    }
    const delivered = await mapBounded(
      deliverable,
      opts.concurrency,
      (row) =>
        directProviders.has(row.provider)
          ? deps.direct!.deliver(row, { ...backoff, maxAttempts: opts.maxAttempts, random }, () => clock.now())
          : deliver(row, byProvider.get(row.provider)!),
      () => !stopping,
    );
    // A plain loop: unstarted slots are holes, which forEach would skip.
    for (let i = 0; i < deliverable.length; i++) {
      const outcome = delivered[i];
      if (outcome) outcomes.push(outcome);
      else giveBack.push(deliverable[i]!.id);
    }
    if (outcomes.length > 0) await deps.outbox.complete(workerId, outcomes);
    if (giveBack.length > 0) await deps.outbox.release(workerId, giveBack);
    return outcomes.length;
  }

  /**
   * The batch claimed ahead, or [] (none, or its claim failed: the pass claims for itself).
   * Its lease ran while the batch before it was delivered: a row with less than a whole pass
   * of lease left is given back, not sent, since another worker may take it (or already has).
   */
  async function takeClaimedAhead(): Promise<OutboxRow[]> {
    const pending = claimedAhead;
    claimedAhead = null;
    const rows = pending ? await pending.catch(() => []) : [];
    const enoughUntil = clock.now().getTime() + opts.longestPassMs;
    const fresh: OutboxRow[] = [];
    const short: number[] = [];
    for (const row of rows) {
      if (row.leaseExpiresAt !== null && row.leaseExpiresAt.getTime() >= enoughUntil) fresh.push(row);
      else short.push(row.id);
    }
    if (short.length > 0) {
      logger.warn({ rows: short.length, leaseMs: opts.leaseMs }, 'drain worker: rows claimed ahead outlived most of their lease; given back unsent');
      // Release checks the owner: a row another worker holds by now stays its.
      await deps.outbox.release(workerId, short).catch(() => {});
    }
    return fresh;
  }

  /** Gives a batch claimed ahead back when the loop ends without a pass to take it. */
  async function releaseClaimedAhead(): Promise<void> {
    const rows = await takeClaimedAhead();
    if (rows.length === 0) return;
    try {
      await deps.outbox.release(workerId, rows.map((row) => row.id));
    } catch (error) {
      logger.warn({ error: errorText(error), rows: rows.length }, 'cannot release rows claimed ahead; their lease will expire');
    }
  }

  /**
   * The loop and `drainUntilIdle` claim ahead (they take the batch, or give it back when they
   * end); a lone `drainOnce()` does not, so it leaves no row leased when it returns.
   */
  function drainOnce(claimAhead = false): Promise<number> {
    const current = pass(claimAhead);
    passes.add(current);
    const forget = () => passes.delete(current);
    current.then(forget, forget);
    return current;
  }

  async function gc(): Promise<number> {
    lastGcAt = clock.now().getTime();
    const olderThan = new Date(lastGcAt - opts.gcRetentionDays * 86_400_000);
    const purged = await deps.outbox.purgeSucceeded({ olderThan, batchSize: opts.gcBatchSize });
    if (purged > 0) logger.info({ purged, olderThan: olderThan.toISOString() }, 'purged succeeded outbox rows');
    const jtis = deps.replayGuard ? await deps.replayGuard.purgeExpired(clock.now()) : 0;
    if (jtis > 0) logger.debug({ purged: jtis }, 'purged expired inbound jtis');
    return purged;
  }

  async function maybeGc(): Promise<void> {
    if (opts.gcIntervalMs === 0) return;
    if (lastGcAt !== null && clock.now().getTime() - lastGcAt < opts.gcIntervalMs) return;
    try {
      await gc();
    } catch (error) {
      logger.error({ error: errorText(error) }, 'outbox GC failed');
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }

  /**
   * The poll interval, or `followUpMs` for one poll interval after a pass that found work:
   * an enqueue whose NOTIFY was coalesced into another's may commit just after that wake.
   */
  function nextSleepMs(attempted: number): number {
    const now = performance.now();
    if (attempted > 0) lastWorkAt = now;
    const hot = opts.followUpMs > 0 && lastWorkAt !== null && now - lastWorkAt < opts.pollIntervalMs;
    return hot ? Math.min(opts.followUpMs, opts.pollIntervalMs) : opts.pollIntervalMs;
  }

  function onNotify(): void {
    if (wake) wake();
    else wokenDuringPass = true;
  }

  async function run(): Promise<void> {
    let unsubscribe: (() => Promise<void>) | null = null;
    if (deps.listen) {
      try {
        unsubscribe = await deps.listen(onNotify);
      } catch (error) {
        logger.warn({ error: errorText(error) }, 'cannot listen for outbox notifications; polling only');
      }
    }
    while (!stopping) {
      wokenDuringPass = false;
      let attempted = 0;
      try {
        attempted = await drainOnce(true);
        failures.succeeded();
      } catch (error) {
        // A failed pass proves nothing about the rows (the crash-suspect mode stays as it was),
        // so the loop waits out the outage instead of trying again at once.
        await sleep(failures.failed(error));
        continue;
      }
      await maybeGc();
      if (stopping) break;
      // A full batch means more is probably due; a NOTIFY during the pass means new rows.
      if (attempted >= opts.batchSize || wokenDuringPass || oneByOne) continue;
      await sleep(nextSleepMs(attempted));
    }
    await releaseClaimedAhead();
    if (unsubscribe) await unsubscribe().catch(() => {});
  }

  return {
    workerId,
    start() {
      if (running) return;
      running = true;
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      wake?.();
      // In-flight deliveries finish (each is bounded by the transport's timeout); unstarted rows are released.
      const everything = Promise.allSettled([loop ?? Promise.resolve(), ...passes]);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.warn({ workerId }, 'drain worker stop timed out; leases will expire');
          resolve();
        }, opts.stopTimeoutMs);
      });
      await Promise.race([everything, timeout]);
      clearTimeout(timer);
      running = false;
      loop = null;
    },
    drainOnce: () => drainOnce(false),
    async drainUntilIdle() {
      let total = 0;
      for (;;) {
        const attempted = await drainOnce(true);
        if (attempted === 0) {
          await releaseClaimedAhead();
          return total;
        }
        total += attempted;
      }
    },
    gc,
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
