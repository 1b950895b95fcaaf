import { sql } from 'kysely';
import type { SimProcess } from '../sim-client.js';
import { enqueueBacklog } from './backlog.js';
import { WORKER_TUNING } from './context.js';
import { PgBackendCpu } from './pg-cpu.js';
import { openBenchDb } from './pg-db.js';
import { newTenant } from './tenant.js';
import { type PoolResult, startWorkers } from './worker-pool.js';

/** One drain of a fresh PostgreSQL backlog by worker processes, checked against the simulator's counters. */
export interface PgDrainRun extends PoolResult {
  readonly backlog: number;
  readonly enqueueMs: number;
  readonly eventsPerSecond: number;
  readonly uniqueDelivered: number;
  readonly duplicates: number;
  /** CPU of the sink process (simulator or counting sink) during the drain. */
  readonly simCpuMicros: number;
  /** CPU of the PostgreSQL backends of the bench database during the drain. */
  readonly pgCpuMicros: number;
}

export async function drainPgBacklog(pgUrl: string, sim: SimProcess, backlog: number, processes = 1): Promise<PgDrainRun> {
  const tenant = await newTenant(sim);
  const db = await openBenchDb(pgUrl, tenant);
  try {
    const enqueueMs = await enqueueBacklog(db.storage, tenant.tenantId, backlog);
    // Fresh statistics for the planner, as autovacuum would give a table this size in production.
    await sql`ANALYZE`.execute(db.storage.db);
    const pool = await startWorkers(processes, {
      databaseUrl: db.url,
      boxKey: tenant.boxKey,
      mode: 'drain',
      listen: false,
      pollIntervalMs: 1000,
      ...WORKER_TUNING.pg,
    });
    const pgCpu = new PgBackendCpu(pgUrl, db.url);
    await pgCpu.start();
    const before = await sim.stats();
    let pgCpuMicros = 0;
    const result = await pool.drain(async () => {
      pgCpuMicros = await pgCpu.used();
    });
    const after = await sim.stats();
    const run: PgDrainRun = {
      ...result,
      backlog,
      enqueueMs,
      eventsPerSecond: result.drained / (result.wallMs / 1000),
      uniqueDelivered: after.uniqueKeys - before.uniqueKeys,
      duplicates: after.duplicateDeliveries - before.duplicateDeliveries,
      simCpuMicros: after.cpuMicros - before.cpuMicros,
      pgCpuMicros,
    };
    if (run.uniqueDelivered !== backlog || run.drained !== backlog) {
      throw new Error(`drain of ${backlog}: simulator saw ${run.uniqueDelivered} unique keys, workers attempted ${run.drained}`);
    }
    return run;
  } finally {
    await db.drop();
  }
}
