import { sql } from 'kysely';
import type { SimProcess } from '../sim-client.js';
import { enqueueBacklog } from './backlog.js';
import { WORKER_TUNING } from './context.js';
import { openMysqlBenchDb } from './mysql-db.js';
import type { PgDrainRun } from './pg-drain.js';
import { newTenant } from './tenant.js';
import { startWorkers } from './worker-pool.js';

/** One drain of a fresh MySQL backlog by worker processes (polling: MySQL has no NOTIFY), checked against the simulator. */
export async function drainMysqlBacklog(mysqlUrl: string, sim: SimProcess, backlog: number, processes = 1): Promise<PgDrainRun> {
  const tenant = await newTenant(sim);
  const db = await openMysqlBenchDb(mysqlUrl, tenant);
  try {
    const enqueueMs = await enqueueBacklog(db.storage, tenant.tenantId, backlog);
    await sql`ANALYZE TABLE byte8_event_outbox`.execute(db.storage.db);
    const pool = await startWorkers(processes, {
      databaseUrl: db.url,
      boxKey: tenant.boxKey,
      mode: 'drain',
      listen: false,
      pollIntervalMs: 1000,
      ...WORKER_TUNING.mysql,
    });
    const before = await sim.stats();
    const result = await pool.drain();
    const after = await sim.stats();
    const run: PgDrainRun = {
      ...result,
      backlog,
      enqueueMs,
      eventsPerSecond: result.drained / (result.wallMs / 1000),
      uniqueDelivered: after.uniqueKeys - before.uniqueKeys,
      duplicates: after.duplicateDeliveries - before.duplicateDeliveries,
      simCpuMicros: after.cpuMicros - before.cpuMicros,
    };
    if (run.uniqueDelivered !== backlog || run.drained !== backlog) {
      throw new Error(`mysql drain of ${backlog}: simulator saw ${run.uniqueDelivered} unique keys, workers attempted ${run.drained}`);
    }
    return run;
  } finally {
    await db.drop();
  }
}
