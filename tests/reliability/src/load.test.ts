import { setTimeout as sleep } from 'node:timers/promises';
import { type PullRecord, LedgerSimulator } from '@byte8/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { type ReliabilityHost, enqueueInvoices, startReliabilityHost } from './harness/connector.js';
import { startInboundServer } from './harness/inbound-server.js';
import { outboxFigures } from './harness/outbox-figures.js';
import { percentile, report } from './harness/report.js';
import { scaled } from './harness/scale.js';
import { startWorkerProcess } from './harness/worker-process.js';

/**
 * Pulls per second: the 200 at full scale; CI runs 100 because the simulator, the
 * host and the worker share two cores there. `RELIABILITY_LOAD_RATE` overrides both.
 */
const RATE = Number(process.env.RELIABILITY_LOAD_RATE ?? scaled(100, 200));
const SECONDS = scaled(10, 60);
const BACKLOG = scaled(3_000, 20_000);
const TARGETS = ['invoice', 'customer', 'creditmemo', 'product', 'payment'] as const;

describe('load: the ledger pulls canonical entities while the worker drains', () => {
  let sim: LedgerSimulator;
  let host: ReliabilityHost;
  let server: Awaited<ReturnType<typeof startInboundServer>>;
  afterAll(async () => {
    await host?.close();
    await server?.close();
    await sim?.stop();
  });

  it(`serves ${RATE} pulls/s for ${SECONDS} s without an error`, async () => {
    sim = await LedgerSimulator.start({ policy: 'none', record: false });
    server = await startInboundServer();
    host = await startReliabilityHost({ sim, hostBaseUrl: server.baseUrl, production: false });
    server.serve(host.byte8.handleInbound);
    await enqueueInvoices(host.byte8, 1, BACKLOG);
    const worker = startWorkerProcess({ databaseUrl: host.database.url, worker: { pollIntervalMs: 100, gcIntervalMs: 0 } });
    await worker.ready();

    // Open loop: a pull is started every 1/RATE s whatever the previous ones are doing.
    const total = RATE * SECONDS;
    const pulls: Array<Promise<{ record: PullRecord | null; ms: number; error: string | null }>> = [];
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const t0 = performance.now();
      const target = TARGETS[i % TARGETS.length]!;
      pulls.push(
        sim.pull(host.tenantId, target, 1 + (i % 1000)).then(
          (record) => ({ record, ms: performance.now() - t0, error: null }),
          (error: Error) => ({ record: null, ms: performance.now() - t0, error: error.message }),
        ),
      );
    }
    const done = await Promise.all(pulls);
    const wall = (performance.now() - started) / 1000;
    const drained = await outboxFigures(host.storage);
    await worker.stop('SIGTERM');

    const latencies = done.map((d) => d.ms);
    const errors = done.filter((d) => d.error !== null || d.record?.status !== 200 || !d.record.valid);
    report('load', {
      pulls: total,
      targetRate: RATE,
      achievedRate: Math.round(total / wall),
      seconds: SECONDS,
      errors: errors.length,
      p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
      p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
      maxMs: Math.round(Math.max(...latencies)),
      backlog: BACKLOG,
      deliveredDuringLoad: drained.succeeded,
      deadLettered: drained.deadLettered,
    });
    expect(errors.slice(0, 3).map((e) => e.error ?? `${e.record?.status} ${e.record?.issues.join('; ')}`)).toEqual([]);
    expect(drained.deadLettered).toBe(0);
    expect(drained.succeeded).toBeGreaterThan(0);
  });
});
