import { setTimeout as sleep } from 'node:timers/promises';
import { LedgerSimulator, type ThrowawayMysqlDatabase, createThrowawayMysqlDatabase } from '@byte8/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReliabilityHost, enqueueInvoices, startReliabilityHost } from './harness/connector.js';
import { outboxFigures, outboxKeys, waitForOutbox } from './harness/outbox-figures.js';
import { report } from './harness/report.js';
import { SEED, scaled } from './harness/scale.js';
import { seededRandom } from './harness/seeded-random.js';
import { startWorkerProcess } from './harness/worker-process.js';

/** MariaDB 10.6+ / MySQL 8.0.1+ server the throwaway database is created on. */
const MYSQL_BASE_URL = process.env.BYTE8_TEST_MYSQL_URL?.trim() || 'mysql://root@127.0.0.1:3306/test';

const EVENTS = scaled(4_000, 20_000);
const KILLS = scaled(10, 20);
/** Short, so rows held by a killed worker come back within the test; longer than a worker boot, so they come back mid-life. */
const LEASE_MS = 5_000;
// No NOTIFY on MySQL: the worker finds rows by polling, every 100 ms here.
const WORKER = { leaseMs: LEASE_MS, pollIntervalMs: 100, batchSize: 50, concurrency: 25, gcIntervalMs: 0 };
const LEDGER = { totalTimeoutMs: 2_000 };

// The PostgreSQL drill of worker-crash.test.ts, on MySQL: the claim's FOR UPDATE SKIP LOCKED and
// its leases must hand every row out again after a kill, and never to two workers at once.
describe('worker crashes on MySQL (SIGKILL of `byte8 worker` mid-drain)', () => {
  let sim: LedgerSimulator;
  let database: ThrowawayMysqlDatabase;
  let host: ReliabilityHost;
  afterAll(async () => {
    await host?.close();
    await database?.drop();
    await sim?.stop();
  });

  it(`delivers ${EVENTS} events through ${KILLS} SIGKILLs: none lost, none processed twice`, async () => {
    const random = seededRandom(SEED);
    console.log(`reliability worker-crash-mysql: seed ${SEED} (RELIABILITY_SEED=${SEED} replays the kill moments)`);
    sim = await LedgerSimulator.start({ policy: 'none' });
    sim.faults.addLatency(20);
    database = await createThrowawayMysqlDatabase(MYSQL_BASE_URL);
    host = await startReliabilityHost({ sim, database });
    expect(host.storage.dialect).toBe('mysql');
    await enqueueInvoices(host.byte8, 1, EVENTS);
    const started = Date.now();

    const killMoments: number[] = [];
    const pendingAtKill: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const worker = startWorkerProcess({ databaseUrl: database.url, worker: WORKER, ledger: LEDGER });
      await worker.ready();
      const delay = Math.round(random() * 2_000);
      await sleep(delay);
      const { code, signal } = await worker.stop('SIGKILL');
      expect(signal, `worker exited by itself (code ${code}): ${worker.stderr()}`).toBe('SIGKILL');
      killMoments.push(delay);
      const figures = await outboxFigures(host.storage);
      pendingAtKill.push(figures.pending);
      expect(figures.pending, 'the backlog drained before every kill happened; raise EVENTS').toBeGreaterThan(0);
    }

    const survivor = startWorkerProcess({ databaseUrl: database.url, worker: WORKER, ledger: LEDGER });
    const final = await waitForOutbox(host.storage, (f) => f.pending === 0, scaled(180_000, 900_000));
    const exit = await survivor.stop('SIGTERM');

    const keys = await outboxKeys(host.storage);
    const accepted = new Set(sim.deliveries.filter((d) => d.status === 202).map((d) => d.idempotencyKey));
    const lost = keys.filter((k) => !accepted.has(k)).length;
    report('worker-crash-mysql', {
      events: EVENTS,
      kills: KILLS,
      seed: SEED,
      seconds: Math.round((Date.now() - started) / 1000),
      succeeded: final.succeeded,
      lost,
      deadLettered: final.deadLettered,
      ledgerUniqueKeys: sim.stats.uniqueKeys,
      ledgerDuplicates: sim.stats.duplicateDeliveries,
      ledgerRejected: sim.stats.rejected,
      attempts: final.attempts,
      claims: final.attemptsStarted,
      claimsLostToKills: final.attemptsStarted - final.attempts,
      maxClaimsOfOneRow: final.maxAttemptsStarted,
      killMomentsMs: killMoments,
      pendingAtKill,
    });

    expect(exit, `the last worker did not stop cleanly: ${survivor.stderr()}`).toEqual({ code: 0, signal: null });
    expect(final).toMatchObject({ total: EVENTS, succeeded: EVENTS, pending: 0, deadLettered: 0 });
    expect(lost).toBe(0);
    // Processed once each: every key the ledger saw again was a re-send it recognised (same
    // sync_run_id), the rows a killed worker had sent but not yet recorded.
    expect(sim.stats.uniqueKeys).toBe(EVENTS);
    expect(sim.stats.accepted).toBe(EVENTS + sim.stats.duplicateDeliveries);
    expect(sim.stats.rejected).toBe(0);
    // The kills did interrupt passes in flight (else this proves nothing): the ledger saw rows again
    // that a killed worker had sent but not recorded. (A finished attempt squares attempts_started,
    // so the claims lost to kills no longer show in the final rows.)
    expect(sim.stats.duplicateDeliveries).toBeGreaterThan(0);
    expect(survivor.stderr()).not.toContain(host.masterKey);
  });
});
