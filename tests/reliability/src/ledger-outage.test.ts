import { setTimeout as sleep } from 'node:timers/promises';
import { LedgerSimulator } from '@byte8/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { maxAttemptsWithin } from './harness/backoff-bound.js';
import { type ReliabilityHost, enqueueInvoices, startReliabilityHost } from './harness/connector.js';
import { FaultProxy } from './harness/fault-proxy.js';
import { outboxFigures, waitForOutbox } from './harness/outbox-figures.js';
import { report } from './harness/report.js';
import { scaled } from './harness/scale.js';

const EVENTS = scaled(300, 2_000);
const REFUSED_MS = scaled(8_000, 30_000);
const SLOW_MS = scaled(5_000, 15_000);
const THROTTLED_MS = scaled(6_000, 20_000);
const RETRY_AFTER_S = 3;
/** The wire-contract ladder (60 s, 5 min, 30 min, ...) scaled down so an outage spans several steps. */
const LADDER = scaled([0.5, 1, 2, 4], [1, 2, 4, 8, 16, 32]);
const JITTER = 0.1;
const TIMEOUT_MS = 1_000;

describe('ledger outages: refused, too slow, 503 with Retry-After, then recovery', () => {
  let sim: LedgerSimulator;
  let proxy: FaultProxy;
  let host: ReliabilityHost;
  afterAll(async () => {
    await host?.close();
    await proxy?.stop();
    await sim?.stop();
  });

  it(`delivers ${EVENTS} events after the outage, dead-letters none, and retries on the backoff schedule`, async () => {
    sim = await LedgerSimulator.start({ policy: 'none' });
    proxy = await FaultProxy.start(sim.url);
    host = await startReliabilityHost({
      sim,
      ledgerBaseUrl: proxy.url,
      ledger: { connectTimeoutMs: 500, totalTimeoutMs: TIMEOUT_MS },
      worker: { backoffLadderSeconds: LADDER, jitter: JITTER, pollIntervalMs: 100, batchSize: 100, concurrency: 32 },
    });
    await enqueueInvoices(host.byte8, 1, EVENTS);
    const started = Date.now();

    // 1. Connection refused: nothing listens where the ledger was.
    await proxy.refuse();
    host.byte8.worker.start();
    await sleep(REFUSED_MS);
    const refused = await outboxFigures(host.storage);
    const refusedBound = maxAttemptsWithin(REFUSED_MS, LADDER, JITTER);
    expect(sim.stats.deliveries, 'a refused connection reached the ledger').toBe(0);
    expect(refused).toMatchObject({ succeeded: 0, deadLettered: 0 });
    expect(refused.maxAttempts, 'more attempts than the ladder allows: a hot loop').toBeLessThanOrEqual(refusedBound);
    expect(refused.maxAttempts).toBeGreaterThanOrEqual(2);

    // 2. The ledger is back but answers after the client's timeout: it accepts, we never hear it.
    sim.faults.addLatency(TIMEOUT_MS + 500);
    await proxy.restore();
    await sleep(SLOW_MS);
    const slow = await outboxFigures(host.storage);
    const slowDeliveries = sim.stats.deliveries;
    expect(slow.deadLettered).toBe(0);

    // 3. 503 with Retry-After for every delivery.
    sim.faults.addLatency(0);
    sim.faults.throttleNext(1_000_000, { status: 503, retryAfter: RETRY_AFTER_S });
    await sleep(THROTTLED_MS);
    const throttled = await outboxFigures(host.storage);
    expect(throttled.deadLettered).toBe(0);

    // 4. Recovery.
    sim.faults.reset();
    const recoveredAt = Date.now();
    const final = await waitForOutbox(host.storage, (f) => f.pending === 0, 60_000);
    const recoverySeconds = (Date.now() - recoveredAt) / 1000;
    await host.byte8.worker.stop();
    const elapsed = Date.now() - started;

    // Retry-After honoured: after a 503, the same key never came back sooner.
    const byKey = new Map<string, number[]>();
    const after503 = new Set<string>();
    let earlyRetries = 0;
    for (const d of sim.deliveries) {
      const key = d.idempotencyKey!;
      const at = d.receivedAt.getTime();
      const times = byKey.get(key) ?? [];
      if (after503.has(key) && at - times[times.length - 1]! < RETRY_AFTER_S * 1000 - 50) earlyRetries++;
      times.push(at);
      byKey.set(key, times);
      if (d.status === 503) after503.add(key);
      else after503.delete(key);
    }
    const accepted = new Set(sim.deliveries.filter((d) => d.status === 202).map((d) => d.idempotencyKey));
    const figures = {
      events: EVENTS,
      refusedSeconds: REFUSED_MS / 1000,
      slowSeconds: SLOW_MS / 1000,
      throttledSeconds: THROTTLED_MS / 1000,
      ladderSeconds: LADDER.join('/'),
      lost: EVENTS - accepted.size,
      deadLettered: final.deadLettered,
      attemptsWhileRefused: refused.attempts,
      maxAttemptsOfOneRowWhileRefused: refused.maxAttempts,
      boundWhileRefused: refusedBound,
      deliveriesWhileSlow: slowDeliveries,
      deliveriesWhileThrottled: sim.deliveries.filter((d) => d.status === 503).length,
      retriesSoonerThanRetryAfter: earlyRetries,
      attempts: final.attempts,
      maxAttemptsOfOneRow: final.maxAttempts,
      boundOverWholeRun: maxAttemptsWithin(elapsed, LADDER, JITTER),
      ledgerUniqueKeys: sim.stats.uniqueKeys,
      ledgerDuplicates: sim.stats.duplicateDeliveries,
      recoverySeconds: Math.round(recoverySeconds * 10) / 10,
    };
    report('ledger-outage', figures);

    expect(final).toMatchObject({ total: EVENTS, succeeded: EVENTS, pending: 0, deadLettered: 0 });
    expect(accepted.size).toBe(EVENTS);
    expect(sim.stats.uniqueKeys).toBe(EVENTS);
    expect(sim.stats.rejected).toBe(0);
    expect(earlyRetries).toBe(0);
    expect(figures.deliveriesWhileThrottled).toBeGreaterThan(0);
    expect(final.maxAttempts).toBeLessThanOrEqual(figures.boundOverWholeRun);
    // Duplicates come only from the slow phase: the ledger accepted, the client had given up.
    expect(sim.stats.duplicateDeliveries).toBeLessThanOrEqual(slowDeliveries);
  });
});
