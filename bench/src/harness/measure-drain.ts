import type { SimProcess } from '../sim-client.js';
import { PgBackendCpu } from './pg-cpu.js';

/** One drain by a system running in this process, with the CPU of all three parties. */
export interface MeasuredDrain {
  readonly backlog: number;
  readonly ms: number;
  readonly eventsPerSecond: number;
  /** This process's CPU (the system under test, plus the bench's own polling, which is small). */
  readonly workerCpuMicros: number;
  readonly pgCpuMicros: number;
  readonly sinkCpuMicros: number;
  readonly uniqueDelivered: number;
  readonly duplicates: number;
}

/**
 * Times `drain` (which resolves once the backlog is delivered, with the
 * system's connections still open) and checks that the sink saw every key
 * exactly once.
 */
export async function measureDrain(
  who: string,
  serverUrl: string,
  databaseUrl: string,
  sink: SimProcess,
  backlog: number,
  drain: () => Promise<void>,
): Promise<MeasuredDrain> {
  const pgCpu = new PgBackendCpu(serverUrl, databaseUrl);
  await pgCpu.start();
  const before = await sink.stats();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await drain();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const pgCpuMicros = await pgCpu.used();
  const after = await sink.stats();
  const run: MeasuredDrain = {
    backlog,
    ms,
    eventsPerSecond: backlog / (ms / 1000),
    workerCpuMicros: used.user + used.system,
    pgCpuMicros,
    sinkCpuMicros: after.cpuMicros - before.cpuMicros,
    uniqueDelivered: after.uniqueKeys - before.uniqueKeys,
    duplicates: after.duplicateDeliveries - before.duplicateDeliveries,
  };
  if (run.uniqueDelivered !== backlog) throw new Error(`${who}: the ${sink.kind} sink saw ${run.uniqueDelivered} distinct keys of ${backlog}`);
  if (after.rejected !== before.rejected) throw new Error(`${who}: the ${sink.kind} sink refused ${after.rejected - before.rejected} requests`);
  return run;
}
