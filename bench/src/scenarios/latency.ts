import { createStorage } from '@byte8/client';
import { createThrowawayPgDatabase } from '@byte8/testkit';
import pg from 'pg';
import { invoiceEvent } from '../harness/backlog.js';
import { type BenchContext, WORKER_TUNING, round } from '../harness/context.js';
import { type Figure, figure, percentile } from '../harness/summary.js';
import { newTenant, pair } from '../harness/tenant.js';
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

async function once(ctx: BenchContext, sim: SimProcess, notify: boolean, prefix: string): Promise<LatencyRun> {
  const tenant = await newTenant(sim);
  const database = await createThrowawayPgDatabase(ctx.pgUrl);
  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  const storage = await createStorage({ pool });
  const committed = new Map<string, number>();
  try {
    await pair(storage, tenant);
    const workers = await startWorkers(1, {
      databaseUrl: database.url,
      boxKey: tenant.boxKey,
      mode: 'run',
      listen: notify,
      pollIntervalMs: POLL_MS,
      ...WORKER_TUNING.pg,
    });
    workers.go();
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
        const p = storage.outbox.enqueue([event]).then(() => {
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
    await workers.stop();
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
    await storage.close();
    await pool.end();
    await database.drop();
  }
}

/**
 * Scenario 4: a steady offered load; latency from the enqueue's commit to the
 * simulator's 202 (correlated by idempotency key), with NOTIFY and with polling only.
 */
export async function latencyScenario(ctx: BenchContext): Promise<Figure[]> {
  if (!ctx.dialects.includes('pg')) return [];
  // A recording simulator of its own: it keeps each exchange's time, which the counting one does not.
  const sim = await SimProcess.start({ record: true });
  const figures: Figure[] = [];
  try {
    for (const notify of [true, false]) {
      const runs: LatencyRun[] = [];
      for (let r = 0; r < ctx.sizes.repeats; r++) {
        const run = await once(ctx, sim, notify, `lat-${notify ? 'n' : 'p'}-${r}`);
        runs.push(run);
        ctx.log(`  latency ${notify ? 'NOTIFY' : 'polling'} #${r + 1}: p50 ${run.p50} p95 ${run.p95} p99 ${run.p99} ms (${run.delivered} events, ${round(run.offered)}/s offered)`);
      }
      const name = `pg ${ctx.sizes.latencyRate}/s for ${ctx.sizes.latencySeconds} s, ${notify ? 'NOTIFY' : `polling ${POLL_MS} ms`}`;
      const details = { rate: ctx.sizes.latencyRate, seconds: ctx.sizes.latencySeconds, notify, pollIntervalMs: POLL_MS, ...WORKER_TUNING.pg, measuredFrom: 'enqueue commit (client side)', measuredTo: '202 sent by the simulator' };
      figures.push(figure('latency', name, 'p50', 'ms', runs.map((r) => r.p50), details));
      figures.push(figure('latency', name, 'p95', 'ms', runs.map((r) => r.p95), details));
      figures.push(figure('latency', name, 'p99', 'ms', runs.map((r) => r.p99), details));
      figures.push(figure('latency', name, 'delivered', 'events', runs.map((r) => r.delivered), details));
    }
  } finally {
    await sim.stop();
  }
  return figures;
}
