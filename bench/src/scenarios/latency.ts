import { type Byte8Storage, createStorage, createUndiciLedgerTransport } from '@byte8/client';
import { invoiceEvent } from '../harness/backlog.js';
import { type BenchContext, type BenchDialect, WORKER_TUNING, round } from '../harness/context.js';
import { openMysqlBenchDb } from '../harness/mysql-db.js';
import { type Figure, figure, percentile } from '../harness/summary.js';
import { createBenchWorker } from '../harness/bench-worker.js';
import { openBenchDb } from '../harness/pg-db.js';
import { type BenchTenant, newTenant, pair } from '../harness/tenant.js';
import { startWorkers } from '../harness/worker-pool.js';
import { SimProcess } from '../sim-client.js';

const POLL_MS = 1000;

interface LatencyRun {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly offered: number;
  readonly delivered: number;
}

/** A paired store with a running worker; `stop` halts the worker, `close` frees everything. */
interface LatencyRig {
  readonly storage: Byte8Storage;
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL: the worker in its own process, as a deployment runs it; the load from this one. */
async function pgRig(ctx: BenchContext, tenant: BenchTenant, notify: boolean, dialect: 'pg' | 'mysql' = 'pg'): Promise<LatencyRig> {
  // Room for the load's concurrent enqueues (pg's default pool holds 10).
  const db = dialect === 'mysql' ? await openMysqlBenchDb(ctx.mysqlUrl, tenant) : await openBenchDb(ctx.pgUrl, tenant, 20);
  const workers = await startWorkers(1, {
    databaseUrl: db.url,
    boxKey: tenant.boxKey,
    mode: 'run',
    listen: notify,
    pollIntervalMs: POLL_MS,
    ...WORKER_TUNING[dialect],
  });
  workers.go();
  return {
    storage: db.storage,
    async stop() {
      await workers.stop();
    },
    close: () => db.drop(),
  };
}

/** PGlite: one in-memory session, so the worker runs in this process beside the load, as in the demo shop. */
async function pgliteRig(tenant: BenchTenant, notify: boolean): Promise<LatencyRig> {
  const storage = await createStorage();
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: WORKER_TUNING.pglite.connections });
  await pair(storage, tenant);
  const worker = createBenchWorker(storage, transport, tenant.boxKey, {
    listen: notify,
    batchSize: WORKER_TUNING.pglite.batch,
    concurrency: WORKER_TUNING.pglite.concurrency,
    pollIntervalMs: POLL_MS,
    gcIntervalMs: 0,
  });
  worker.start();
  return {
    storage,
    stop: () => worker.stop(),
    async close() {
      await transport.close();
      await storage.close();
    },
  };
}

async function once(ctx: BenchContext, sim: SimProcess, dialect: BenchDialect, notify: boolean, prefix: string): Promise<LatencyRun> {
  const tenant = await newTenant(sim);
  const rig = dialect === 'pglite' ? await pgliteRig(tenant, notify) : await pgRig(ctx, tenant, notify, dialect);
  const committed = new Map<string, number>();
  try {
    const { latencyRate: rate, latencySeconds: seconds } = ctx.sizes;
    const total = rate * seconds;
    const started = performance.now();
    let sent = 0;
    const inflight = new Set<Promise<void>>();
    // Open-loop load: each 5 ms tick enqueues what is due, each event in its own transaction.
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      for (; sent < due; sent++) {
        const event = invoiceEvent(sent + 1, tenant.tenantId, prefix);
        const p = rig.storage.outbox.enqueue([event]).then(() => {
          committed.set(event.idempotencyKey, Date.now());
        });
        inflight.add(p);
        p.finally(() => inflight.delete(p));
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const offered = total / ((performance.now() - started) / 1000);
    await Promise.all(inflight);
    const deadline = Date.now() + 60_000;
    let receipts: Array<[string, number]> = [];
    while (Date.now() < deadline) {
      receipts = (await sim.receipts()).filter(([key]) => key.startsWith(`${prefix}:`));
      if (receipts.length >= total) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await rig.stop();
    const latencies = receipts.map(([key, at]) => at - committed.get(key)!).filter((l) => Number.isFinite(l));
    return {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      offered,
      delivered: latencies.length,
    };
  } finally {
    await rig.close();
  }
}

/**
 * Scenario 4: a steady offered load; latency from the enqueue's commit to the
 * simulator's 202 (correlated by idempotency key), with NOTIFY and with polling only.
 */
export async function latencyScenario(ctx: BenchContext): Promise<Figure[]> {
  // A recording simulator of its own: it keeps each exchange's time, which the counting one does not.
  const sim = await SimProcess.start({ record: true });
  const figures: Figure[] = [];
  try {
    for (const dialect of ctx.dialects) {
      // MySQL has no NOTIFY: its workers poll, so it has the polling figure only.
      for (const notify of dialect === 'mysql' ? [false] : [true, false]) {
        const runs: LatencyRun[] = [];
        const label = `${dialect} ${notify ? 'NOTIFY' : 'polling'}`;
        for (let r = 0; r < ctx.sizes.repeats; r++) {
          const run = await once(ctx, sim, dialect, notify, `lat-${dialect}-${notify ? 'n' : 'p'}-${r}`);
          runs.push(run);
          ctx.log(`  latency ${label} #${r + 1}: p50 ${round(run.p50, 1)} p95 ${round(run.p95, 1)} p99 ${round(run.p99, 1)} ms (${run.delivered} events, ${round(run.offered)}/s offered)`);
        }
        const name = `${dialect} ${ctx.sizes.latencyRate}/s for ${ctx.sizes.latencySeconds} s, ${notify ? 'NOTIFY' : `polling ${POLL_MS} ms`}`;
        const details = {
          rate: ctx.sizes.latencyRate,
          seconds: ctx.sizes.latencySeconds,
          notify,
          pollIntervalMs: POLL_MS,
          ...WORKER_TUNING[dialect],
          workerProcess: dialect === 'pglite' ? 'in-process' : 'child',
          measuredFrom: 'enqueue commit (client side)',
          measuredTo: '202 sent by the simulator',
        };
        figures.push(figure('latency', name, 'p50', 'ms', runs.map((r) => r.p50), details));
        figures.push(figure('latency', name, 'p95', 'ms', runs.map((r) => r.p95), details));
        figures.push(figure('latency', name, 'p99', 'ms', runs.map((r) => r.p99), details));
        figures.push(figure('latency', name, 'delivered', 'events', runs.map((r) => r.delivered), details));
      }
    }
  } finally {
    await sim.stop();
  }
  return figures;
}
