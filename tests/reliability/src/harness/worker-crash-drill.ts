import { setTimeout as sleep } from 'node:timers/promises';
import { LedgerSimulator } from '@byte8/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReliabilityHost, enqueueInvoices, startReliabilityHost } from './connector.js';
import { outboxFigures, outboxKeys, waitForOutbox } from './outbox-figures.js';
import { report } from './report.js';
import { SEED, scaled } from './scale.js';
import { seededRandom } from './seeded-random.js';
import { startWorkerProcess } from './worker-process.js';

type HostDatabase = NonNullable<Parameters<typeof startReliabilityHost>[0]['database']>;

export interface WorkerCrashDrill {
  /** Names the report file and the log line (`worker-crash`, `worker-crash-mysql`). */
  readonly name: string;
  readonly title: string;
  /** A throwaway database of another dialect; default the host's own PostgreSQL one. */
  readonly database?: () => Promise<HostDatabase & { drop(): Promise<void> }>;
  /** The storage dialect the drill must have run on. */
  readonly dialect: 'pg' | 'mysql';
}

const EVENTS = scaled(4_000, 20_000);
const KILLS = scaled(10, 20);
/** Short, so rows held by a killed worker come back within the test; longer than a worker boot, so they come back mid-life. */
const LEASE_MS = 5_000;
const WORKER = { leaseMs: LEASE_MS, pollIntervalMs: 100, batchSize: 50, concurrency: 25, gcIntervalMs: 0 };
// A short lease needs passes that fit in it: ceil(50 / 25) = 2 rounds x 2 s + 1 s (the worker refuses otherwise).
const LEDGER = { totalTimeoutMs: 2_000 };

/**
 * SIGKILLs the real `byte8 worker` at random moments of its drain, restarting it each time, then
 * lets a last worker finish: every row must succeed, none lost, none processed twice by the ledger.
 */
export function workerCrashDrill(drill: WorkerCrashDrill): void {
  describe(drill.title, () => {
    let sim: LedgerSimulator;
    let host: ReliabilityHost;
    let database: (HostDatabase & { drop(): Promise<void> }) | undefined;
    afterAll(async () => {
      await host?.close();
      await database?.drop();
      await sim?.stop();
    });

    it(`delivers ${EVENTS} events through ${KILLS} SIGKILLs: none lost, every row succeeded, no poison misfire`, async () => {
      const random = seededRandom(SEED);
      console.log(`reliability ${drill.name}: seed ${SEED} (RELIABILITY_SEED=${SEED} replays the kill moments)`);
      sim = await LedgerSimulator.start({ policy: 'none' });
      // A ledger answering in ~20 ms keeps the backlog draining across every kill.
      sim.faults.addLatency(20);
      database = await drill.database?.();
      host = await startReliabilityHost({ sim, ...(database ? { database } : {}) });
      expect(host.storage.dialect).toBe(drill.dialect);
      await enqueueInvoices(host.byte8, 1, EVENTS);
      const databaseUrl = host.database.url;
      const started = Date.now();

      const killMoments: number[] = [];
      const pendingAtKill: number[] = [];
      const leasedAtKill: number[] = [];
      for (let kill = 0; kill < KILLS; kill++) {
        const worker = startWorkerProcess({ databaseUrl, worker: WORKER, ledger: LEDGER });
        await worker.ready();
        // Any moment of the loop: claiming, mid-batch, recording the batch, sleeping.
        const delay = Math.round(random() * 2_000);
        await sleep(delay);
        const { code, signal } = await worker.stop('SIGKILL');
        expect(signal, `worker exited by itself (code ${code}): ${worker.stderr()}`).toBe('SIGKILL');
        killMoments.push(delay);
        const figures = await outboxFigures(host.storage);
        pendingAtKill.push(figures.pending);
        leasedAtKill.push(figures.leased);
        expect(figures.pending, 'the backlog drained before every kill happened; raise EVENTS').toBeGreaterThan(0);
      }

      const lastKillAt = Date.now();
      const survivor = startWorkerProcess({ databaseUrl, worker: WORKER, ledger: LEDGER });
      const final = await waitForOutbox(host.storage, (f) => f.pending === 0, scaled(180_000, 900_000));
      const drainSecondsAfterLastKill = Math.round((Date.now() - lastKillAt) / 100) / 10;
      const exit = await survivor.stop('SIGTERM');
      const seconds = (Date.now() - started) / 1000;

      const keys = await outboxKeys(host.storage);
      const accepted = new Set(sim.deliveries.filter((d) => d.status === 202).map((d) => d.idempotencyKey));
      const lost = keys.filter((k) => !accepted.has(k)).length;
      const figures = {
        events: EVENTS,
        kills: KILLS,
        seed: SEED,
        seconds: Math.round(seconds),
        drainSecondsAfterLastKill,
        succeeded: final.succeeded,
        lost,
        deadLettered: final.deadLettered,
        ledgerUniqueKeys: sim.stats.uniqueKeys,
        ledgerDuplicates: sim.stats.duplicateDeliveries,
        ledgerRejected: sim.stats.rejected,
        attempts: final.attempts,
        claims: final.attemptsStarted,
        rowsHeldByKilledWorkers: leasedAtKill.reduce((a, b) => a + b, 0),
        maxClaimsOfOneRow: final.maxAttemptsStarted,
        killMomentsMs: killMoments,
        pendingAtKill,
        leasedAtKill,
      };
      report(drill.name, figures);

      expect(exit, `the last worker did not stop cleanly: ${survivor.stderr()}`).toEqual({ code: 0, signal: null });
      expect(final).toMatchObject({ total: EVENTS, succeeded: EVENTS, pending: 0, deadLettered: 0 });
      expect(lost).toBe(0);
      expect(sim.stats.uniqueKeys).toBe(EVENTS);
      expect(sim.stats.rejected).toBe(0);
      // The kills did interrupt passes in flight (otherwise this test proves nothing): the killed
      // workers left rows under lease. (attempts_started cannot show it afterwards: a finished
      // attempt squares it with attempts, so a row is not a crash suspect for life.)
      expect(leasedAtKill.filter((n) => n > 0).length).toBeGreaterThan(0);
      // Every ledger-visible duplicate is a re-send of a key the ledger already accepted (same sync_run_id).
      expect(sim.stats.accepted).toBe(EVENTS + sim.stats.duplicateDeliveries);
      expect(survivor.stderr()).not.toContain(host.masterKey);
    });
  });
}
