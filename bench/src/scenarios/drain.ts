import { createStorage, createUndiciLedgerTransport } from '@byte8/client';
import { sql } from 'kysely';
import { enqueueBacklog } from '../harness/backlog.js';
import { type BenchContext, WORKER_TUNING, round, short } from '../harness/context.js';
import { drainMysqlBacklog } from '../harness/mysql-drain.js';
import { drainPgBacklog } from '../harness/pg-drain.js';
import { type Figure, figure, median } from '../harness/summary.js';
import { createBenchWorker } from '../harness/bench-worker.js';
import { newTenant, pair } from '../harness/tenant.js';

/** PGlite is in memory and single-session: the worker runs in this process, beside the storage. */
async function drainPglite(ctx: BenchContext, backlog: number) {
  const tenant = await newTenant(ctx.sim);
  const storage = await createStorage();
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: WORKER_TUNING.pglite.connections });
  try {
    await pair(storage, tenant);
    await enqueueBacklog(storage, tenant.tenantId, backlog);
    await sql`ANALYZE`.execute(storage.db);
    const worker = createBenchWorker(storage, transport, tenant.boxKey, {
      batchSize: WORKER_TUNING.pglite.batch,
      concurrency: WORKER_TUNING.pglite.concurrency,
      gcIntervalMs: 0,
    });
    const before = await ctx.sim.stats();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const drained = await worker.drainUntilIdle();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const after = await ctx.sim.stats();
    const unique = after.uniqueKeys - before.uniqueKeys;
    if (unique !== backlog || drained !== backlog) throw new Error(`pglite drain of ${backlog}: ${unique} unique deliveries, ${drained} attempted`);
    return { eventsPerSecond: drained / (ms / 1000), cpuMicros: used.user + used.system, simCpuMicros: after.cpuMicros - before.cpuMicros };
  } finally {
    await transport.close();
    await storage.close();
  }
}

/** Scenario 1: drain throughput per backlog size, and per-event cost growth from the smallest to the largest backlog. */
export async function drainScenario(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const dialect of ctx.dialects) {
    const medians: Array<{ backlog: number; perSecond: number }> = [];
    for (const backlog of ctx.sizes.drainBacklogs[dialect]) {
      const rates: number[] = [];
      const workerCpu: number[] = [];
      const simCpu: number[] = [];
      for (let r = 0; r < ctx.sizes.repeats; r++) {
        const run =
          dialect === 'pg'
            ? await drainPgBacklog(ctx.pgUrl, ctx.sim, backlog)
            : dialect === 'mysql'
              ? await drainMysqlBacklog(ctx.mysqlUrl, ctx.sim, backlog)
              : await drainPglite(ctx, backlog);
        rates.push(round(run.eventsPerSecond));
        workerCpu.push(round(run.cpuMicros / backlog));
        simCpu.push(round(run.simCpuMicros / backlog));
        ctx.log(`  drain ${dialect} ${short(backlog)} #${r + 1}: ${round(run.eventsPerSecond)} events/s`);
      }
      const details = { backlog, ...WORKER_TUNING[dialect], workerProcess: dialect === 'pglite' ? 'in-process' : 'child' };
      figures.push(figure('drain', `${dialect} ${short(backlog)} backlog`, 'throughput', 'events/s', rates, details));
      figures.push(figure('drain', `${dialect} ${short(backlog)} backlog`, 'worker CPU per event', 'us', workerCpu, details));
      figures.push(figure('drain', `${dialect} ${short(backlog)} backlog`, 'simulator CPU per event', 'us', simCpu, details));
      medians.push({ backlog, perSecond: median(rates) });
    }
    const first = medians[0]!;
    const last = medians[medians.length - 1]!;
    // Per-event cost is 1 / throughput: the ratio says how much dearer an event is in the big backlog.
    const growth = round(first.perSecond / last.perSecond, 2);
    figures.push(
      figure('drain', `${dialect} ${short(last.backlog)} vs ${short(first.backlog)}`, 'per-event cost ratio', 'x', [growth], {
        note: 'median cost per event at the largest backlog / at the smallest (1.00 = linear)',
      }),
    );
  }
  return figures;
}
