import { byte8InProcessDrain } from '../harness/byte8-in-process.js';
import { type BenchContext, WORKER_TUNING, round, short } from '../harness/context.js';
import type { MeasuredDrain } from '../harness/measure-drain.js';
import { GRAPHILE_VARIANTS, graphileDrain } from '../harness/peer-graphile.js';
import { PGBOSS_VARIANTS, pgBossDrain } from '../harness/peer-pgboss.js';
import { type Figure, figure, median } from '../harness/summary.js';

/**
 * Dropping a peer's database (`WITH (FORCE)`) kills its idle pool clients; a
 * peer pool without an error listener would turn that into an uncaught error.
 */
function ignoreForcedDisconnects(error: Error & { code?: string }): void {
  if (error.code === '57P01' || /terminating connection due to administrator command|Connection terminated/.test(error.message)) return;
  throw error;
}

interface System {
  readonly name: string;
  readonly peer: string;
  readonly settings: Record<string, unknown>;
  readonly drain: (backlog: number) => Promise<MeasuredDrain>;
}

function systems(ctx: BenchContext): System[] {
  const sink = ctx.sinkFor('peers');
  const list: System[] = [
    { name: 'byte8', peer: 'byte8', settings: { ...WORKER_TUNING.pg }, drain: (n) => byte8InProcessDrain(ctx.pgUrl, sink, n) },
  ];
  for (const [i, s] of GRAPHILE_VARIANTS.entries()) {
    list.push({ name: `graphile-worker #${i + 1}`, peer: 'graphile-worker', settings: { ...s }, drain: (n) => graphileDrain(ctx.pgUrl, sink, n, s) });
  }
  for (const [i, s] of PGBOSS_VARIANTS.entries()) {
    list.push({ name: `pg-boss #${i + 1}`, peer: 'pg-boss', settings: { ...s }, drain: (n) => pgBossDrain(ctx.pgUrl, sink, n, s) });
  }
  return list;
}

/** Per-event CPU figures (us) of one system: its own process, PostgreSQL's backends, the sink. */
function cpuFigures(label: string, runs: readonly MeasuredDrain[], details: Record<string, unknown>): Figure[] {
  const per = (pick: (r: MeasuredDrain) => number) => runs.map((r) => round(pick(r) / r.backlog));
  return [
    figure('peers', label, 'worker CPU per event', 'us', per((r) => r.workerCpuMicros), details),
    figure('peers', label, 'PostgreSQL CPU per event', 'us', per((r) => r.pgCpuMicros), details),
    figure('peers', label, 'sink CPU per event', 'us', per((r) => r.sinkCpuMicros), details),
  ];
}

/**
 * Scenario 2: the same backlog, the same request, the same PostgreSQL and the same sink: our
 * worker against graphile-worker and pg-boss, all in this process. Each peer runs every
 * setting it has in GRAPHILE_VARIANTS / PGBOSS_VARIANTS; the ratio is against its fastest.
 */
export async function peersScenario(ctx: BenchContext): Promise<Figure[]> {
  if (!ctx.dialects.includes('pg')) return [];
  process.on('uncaughtException', ignoreForcedDisconnects);
  const figures: Figure[] = [];
  const sink = ctx.sinkFor('peers');
  for (const backlog of ctx.sizes.peerBacklogs) {
    const all = systems(ctx);
    const runs = new Map<string, MeasuredDrain[]>(all.map((s) => [s.name, []]));
    for (let r = 0; r < ctx.sizes.repeats; r++) {
      const line: string[] = [];
      for (const system of all) {
        const run = await system.drain(backlog);
        runs.get(system.name)!.push(run);
        line.push(`${system.name} ${round(run.eventsPerSecond)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      ctx.log(`  peers ${short(backlog)} #${r + 1}: ${line.join(', ')} events/s`);
    }
    const label = (name: string) => `${name}, pg ${short(backlog)}`;
    const best = new Map<string, { name: string; rate: number }>();
    for (const system of all) {
      const samples = runs.get(system.name)!;
      const rates = samples.map((s) => round(s.eventsPerSecond));
      const details = { backlog, sink: sink.kind, process: 'bench process', settings: system.settings };
      figures.push(figure('peers', label(system.name), 'throughput', 'events/s', rates, details));
      figures.push(...cpuFigures(label(system.name), samples, details));
      figures.push(figure('peers', label(system.name), 'duplicate deliveries', 'count', samples.map((s) => s.duplicates), details));
      const current = best.get(system.peer);
      if (!current || median(rates) > current.rate) best.set(system.peer, { name: system.name, rate: median(rates) });
    }
    const ours = best.get('byte8')!;
    const peers = [...best.entries()].filter(([peer]) => peer !== 'byte8').map(([, b]) => b);
    const fastest = peers.reduce((a, b) => (b.rate > a.rate ? b : a));
    const pgPerEvent = (name: string) => median(runs.get(name)!.map((r) => r.pgCpuMicros / r.backlog));
    figures.push(
      figure('peers', `byte8 / faster peer, pg ${short(backlog)}`, 'ratio', 'x', [round(ours.rate / fastest.rate, 2)], { fastest: fastest.name }),
      figure('peers', `byte8 / faster peer, pg ${short(backlog)}`, 'PostgreSQL CPU per event ratio', 'x', [round(pgPerEvent('byte8') / pgPerEvent(fastest.name), 2)], {
        fastest: fastest.name,
        note: 'median PostgreSQL CPU per event of byte8 / of the faster peer (<= 1: no dearer on the database)',
      }),
    );
  }
  return figures;
}
