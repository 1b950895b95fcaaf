import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerV8Flags } from '@byte8/client';
import { type BenchContext, WORKER_TUNING, round, short } from '../harness/context.js';
import { measureDemoShopStart } from '../harness/demo-shop-rss.js';
import { drainPgBacklog } from '../harness/pg-drain.js';
import { type Figure, figure } from '../harness/summary.js';
import { workerExecArgv } from '../harness/worker-pool.js';

/**
 * Scenario 5: peak RSS (VmHWM) of one worker process draining the run's largest backlog on
 * PostgreSQL, and the demo shop's RSS after start (`pnpm start`: embedded PGlite, simulator in-process).
 */
export async function memoryScenario(ctx: BenchContext): Promise<Figure[]> {
  return [...(ctx.dialects.includes('pg') ? await workerFigures(ctx) : []), ...(await demoShopFigures(ctx))];
}

async function workerFigures(ctx: BenchContext): Promise<Figure[]> {
  const backlog = ctx.sizes.memoryBacklog;
  const sink = ctx.sinkFor('memory');
  const run = await drainPgBacklog(ctx.pgUrl, sink, backlog, 1);
  // CPU time per event is the fairer cost of a GC setting than events/s on a shared machine.
  const cpuMicrosPerEvent = round(run.cpuMicros / run.drained, 1);
  ctx.log(`  memory ${short(backlog)}: peak RSS ${run.peakRssMiB[0]} MiB, ${round(run.eventsPerSecond)} events/s, worker CPU ${cpuMicrosPerEvent} µs/event`);
  ctx.log(`    loaded: ${JSON.stringify(run.memoryAtReadyMiB[0])}; done: ${JSON.stringify(run.memoryAtDoneMiB[0])} (MiB)`);
  const v8Flags = workerV8Flags(['worker'], workerExecArgv());
  const details = { backlog, ...WORKER_TUNING.pg, sink: sink.kind, workerExecArgv: workerExecArgv(), workerV8FlagsSet: v8Flags, source: '/proc/<pid>/status VmHWM of the worker process after the drain' };
  return [
    figure('memory', `pg ${short(backlog)} backlog, 1 process`, 'worker peak RSS', 'MiB', [run.peakRssMiB[0]!], details),
    figure('memory', `pg ${short(backlog)} backlog, 1 process`, 'RSS once loaded, before the drain', 'MiB', [run.memoryAtReadyMiB[0]!.rss!], {
      ...details,
      memoryAtReadyMiB: run.memoryAtReadyMiB[0],
      memoryAtDoneMiB: run.memoryAtDoneMiB[0],
    }),
    figure('memory', `pg ${short(backlog)} backlog, 1 process`, 'throughput', 'events/s', [round(run.eventsPerSecond)], details),
    figure('memory', `pg ${short(backlog)} backlog, 1 process`, 'worker CPU per event', 'µs', [cpuMicrosPerEvent], details),
  ];
}

/** First start (fresh data directory: PGlite runs initdb) and a restart on the same directory, `repeats` times each. */
async function demoShopFigures(ctx: BenchContext): Promise<Figure[]> {
  const first: number[] = [];
  const restart: number[] = [];
  const runs: unknown[] = [];
  for (let i = 0; i < ctx.sizes.repeats; i++) {
    const scratch = mkdtempSync(join(tmpdir(), 'byte8-bench-shop-'));
    try {
      const fresh = await measureDemoShopStart(join(scratch, 'data'));
      const again = await measureDemoShopStart(join(scratch, 'data'));
      first.push(Math.max(fresh.rssAtReadyMiB, fresh.rssSettledMiB));
      restart.push(Math.max(again.rssAtReadyMiB, again.rssSettledMiB));
      runs.push({ fresh, restart: again });
      ctx.log(`  demo shop: RSS after start ${first.at(-1)} MiB (fresh data directory), ${restart.at(-1)} MiB (restart); ready in ${fresh.readyMs} / ${again.readyMs} ms`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const details = { command: 'pnpm start (node examples/express-shop/dist/main.js)', source: '/proc/<pid>/status VmRSS when it first answers HTTP and 5 s later (the larger)', runs };
  return [
    figure('memory', 'demo shop, first start', 'RSS after start', 'MiB', first, details),
    figure('memory', 'demo shop, restart', 'RSS after start', 'MiB', restart, details),
  ];
}
