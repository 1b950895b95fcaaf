import { type BenchContext, WORKER_TUNING, round, short } from '../harness/context.js';
import { drainPgBacklog } from '../harness/pg-drain.js';
import { type Figure, figure } from '../harness/summary.js';

/** Scenario 6: 1, 2 and 4 worker processes on one PostgreSQL database; duplicates seen by the simulator must be 0. */
export async function scaleScenario(ctx: BenchContext): Promise<Figure[]> {
  if (!ctx.dialects.includes('pg')) return [];
  const backlog = ctx.sizes.scaleBacklog;
  const figures: Figure[] = [];
  const sink = ctx.sinkFor('scale');
  for (const processes of [1, 2, 4]) {
    const rates: number[] = [];
    const duplicates: number[] = [];
    for (let r = 0; r < ctx.sizes.repeats; r++) {
      const run = await drainPgBacklog(ctx.pgUrl, sink, backlog, processes);
      rates.push(round(run.eventsPerSecond));
      duplicates.push(run.duplicates);
      ctx.log(`  scale ${processes} process(es) #${r + 1}: ${round(run.eventsPerSecond)} events/s, ${run.duplicates} duplicates`);
    }
    const details = { backlog, processes, sink: sink.kind, perProcess: WORKER_TUNING.pg };
    figures.push(figure('scale', `pg ${short(backlog)}, ${processes} process${processes > 1 ? 'es' : ''}`, 'throughput', 'events/s', rates, details));
    figures.push(figure('scale', `pg ${short(backlog)}, ${processes} process${processes > 1 ? 'es' : ''}`, 'duplicate deliveries', 'count', duplicates, details));
  }
  return figures;
}
