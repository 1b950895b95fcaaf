import { setTimeout as sleep } from 'node:timers/promises';
import { LedgerSimulator } from '@byte8/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReliabilityHost, enqueueInvoices, startReliabilityHost } from './harness/connector.js';
import { outboxFigures, outboxKeys } from './harness/outbox-figures.js';
import { restartPostgres, retrying, terminateSessions } from './harness/pg-admin.js';
import { report } from './harness/report.js';
import { SCALE, scaled } from './harness/scale.js';
import { startWorkerProcess } from './harness/worker-process.js';

/**
 * Faults come one a second, and the backlog must outlast them all. The worker below sends at
 * most 8 requests per 10 ms of ledger latency (800 events/s), so 8,000 events take 10 s or more
 * against 6 s of faults (20,000: 25 s against 17 s at full scale). 3,000 sufficed until the
 * claim got faster, then drained before the last fault.
 */
const EVENTS = scaled(8_000, 20_000);
const TERMINATIONS = scaled(6, 15);
/** A PostgreSQL restart takes every suite on the server down with it: full scale only. */
const RESTARTS = SCALE === 'full' ? 2 : 0;
const WORKER = { leaseMs: 5_000, pollIntervalMs: 100, batchSize: 50, concurrency: 25, gcIntervalMs: 0 };
// A short lease needs passes that fit in it: ceil(50 / 25) = 2 rounds x 2 s + 1 s (the worker refuses otherwise).
const LEDGER = { totalTimeoutMs: 2_000 };

describe('database faults: sessions terminated (and, at full scale, PostgreSQL restarted) mid-drain', () => {
  let sim: LedgerSimulator;
  let host: ReliabilityHost;
  afterAll(async () => {
    await host?.close();
    await sim?.stop();
  });

  it(`the worker recovers by itself and delivers all ${EVENTS} events`, async () => {
    sim = await LedgerSimulator.start({ policy: 'none' });
    sim.faults.addLatency(10);
    host = await startReliabilityHost({ sim });
    await enqueueInvoices(host.byte8, 1, EVENTS);
    const worker = startWorkerProcess({ databaseUrl: host.database.url, worker: WORKER, ledger: LEDGER });
    await worker.ready();
    const started = Date.now();

    let terminated = 0;
    const pendingAtFault: number[] = [];
    for (let i = 0; i < TERMINATIONS + RESTARTS; i++) {
      await sleep(1_000);
      if (i < TERMINATIONS) terminated += await terminateSessions(host.database.name);
      else await restartPostgres();
      const figures = await retrying(() => outboxFigures(host.storage));
      pendingAtFault.push(figures.pending);
      expect(figures.pending, 'the backlog drained before every fault happened; raise EVENTS').toBeGreaterThan(0);
      expect(worker.child.exitCode, `the worker died: ${worker.stderr()}`).toBeNull();
    }

    const lastFaultAt = Date.now();
    let final = await retrying(() => outboxFigures(host.storage));
    const deadline = Date.now() + scaled(180_000, 900_000);
    while (final.pending > 0 && Date.now() < deadline && worker.child.exitCode === null) {
      await sleep(250);
      final = await retrying(() => outboxFigures(host.storage));
    }
    const drainSecondsAfterLastFault = Math.round((Date.now() - lastFaultAt) / 100) / 10;
    const aliveAtEnd = worker.child.exitCode === null;
    const exit = await worker.stop('SIGTERM');
    const keys = await outboxKeys(host.storage);
    const accepted = new Set(sim.deliveries.filter((d) => d.status === 202).map((d) => d.idempotencyKey));
    const errorLines = worker.stderr().split('\n').filter((l) => /"level":(50|60)/.test(l));
    report('database-faults', {
      events: EVENTS,
      sessionTerminations: TERMINATIONS,
      sessionsTerminated: terminated,
      postgresRestarts: RESTARTS,
      seconds: Math.round((Date.now() - started) / 1000),
      lost: keys.filter((k) => !accepted.has(k)).length,
      deadLettered: final.deadLettered,
      ledgerUniqueKeys: sim.stats.uniqueKeys,
      ledgerDuplicates: sim.stats.duplicateDeliveries,
      attempts: final.attempts,
      drainSecondsAfterLastFault,
      workerErrorLogLines: errorLines.length,
      pendingAtFault,
    });

    expect(aliveAtEnd, `the worker exited: ${worker.stderr()}`).toBe(true);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(final).toMatchObject({ total: EVENTS, succeeded: EVENTS, pending: 0, deadLettered: 0 });
    expect(accepted.size).toBe(EVENTS);
    expect(sim.stats.rejected).toBe(0);
    expect(terminated).toBeGreaterThanOrEqual(TERMINATIONS);
  });
});
