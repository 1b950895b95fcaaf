import { createStorage, createUndiciLedgerTransport } from '@byte8/client';
import { sql } from 'kysely';
import type { SimProcess } from '../sim-client.js';
import { enqueueBacklog } from './backlog.js';
import { createBenchWorker } from './bench-worker.js';
import { WORKER_TUNING } from './context.js';
import { type MeasuredDrain, measureDrain } from './measure-drain.js';
import { openBenchDb } from './pg-db.js';
import { newTenant } from './tenant.js';

/** Our drain workers in this process, like the peers: same process, same transport, same sink. */
export async function byte8InProcessDrain(serverUrl: string, sink: SimProcess, backlog: number): Promise<MeasuredDrain> {
  const tenant = await newTenant(sink);
  const db = await openBenchDb(serverUrl, tenant);
  const tuning = WORKER_TUNING.pg;
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: tuning.connections });
  try {
    await enqueueBacklog(db.storage, tenant.tenantId, backlog);
    await sql`ANALYZE`.execute(db.storage.db);
    // The worker's own storage, as a deployment opens it (its own pool).
    const storage = await createStorage({ databaseUrl: db.url, migrate: false });
    try {
      const workers = Array.from({ length: tuning.workers }, (_, i) =>
        createBenchWorker(storage, transport, tenant.boxKey, {
          workerId: `bench-${process.pid}-${i}`,
          batchSize: tuning.batch,
          concurrency: tuning.concurrency,
          gcIntervalMs: 0,
        }),
      );
      return await measureDrain('byte8', serverUrl, db.url, sink, backlog, async () => {
        const counts = await Promise.all(workers.map((w) => w.drainUntilIdle()));
        const drained = counts.reduce((a, b) => a + b, 0);
        if (drained !== backlog) throw new Error(`byte8: workers attempted ${drained} of ${backlog}`);
      });
    } finally {
      await storage.close();
    }
  } finally {
    await transport.close();
    await db.drop();
  }
}
