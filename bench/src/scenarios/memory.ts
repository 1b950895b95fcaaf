import { type BenchContext, WORKER_TUNING, round, short } from '../harness/context.js';
import { drainPgBacklog } from '../harness/pg-drain.js';
import { type Figure, figure } from '../harness/summary.js';
import { workerExecArgv } from '../harness/worker-pool.js';

/** Scenario 5: peak RSS (VmHWM) of one worker process draining the run's largest backlog on PostgreSQL. */
export async function memoryScenario(ctx: BenchContext): Promise<Figure[]> {
  if (!ctx.dialects.includes('pg')) return [];
  const backlog = ctx.sizes.memoryBacklog;
  const sink = ctx.sinkFor('memory');
  const run = await drainPgBacklog(ctx.pgUrl, sink, backlog, 1);
  ctx.log(`  memory ${short(backlog)}: peak RSS ${run.peakRssMiB[0]} MiB, ${round(run.eventsPerSecond)} events/s`);
  ctx.log(`    loaded: ${JSON.stringify(run.memoryAtReadyMiB[0])}; done: ${JSON.stringify(run.memoryAtDoneMiB[0])} (MiB)`);
  const details = { backlog, ...WORKER_TUNING.pg, sink: sink.kind, workerExecArgv: workerExecArgv(), source: '/proc/<pid>/status VmHWM of the worker process after the drain' };
  return [
    figure('memory', `pg ${short(backlog)} backlog, 1 process`, 'worker peak RSS', 'MiB', [run.peakRssMiB[0]!], details),
    figure('memory', `pg ${short(backlog)} backlog, 1 process`, 'RSS once loaded, before the drain', 'MiB', [run.memoryAtReadyMiB[0]!.rss!], {
      ...details,
      memoryAtReadyMiB: run.memoryAtReadyMiB[0],
      memoryAtDoneMiB: run.memoryAtDoneMiB[0],
    }),
    figure('memory', `pg ${short(backlog)} backlog, 1 process`, 'throughput', 'events/s', [round(run.eventsPerSecond)], details),
  ];
}
