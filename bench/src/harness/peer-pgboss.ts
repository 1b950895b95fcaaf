import { createUndiciLedgerTransport } from '@byte8/client';
import { createThrowawayPgDatabase } from '@byte8/testkit';
import PgBoss from 'pg-boss';
import type { SimProcess } from '../sim-client.js';
import { type MeasuredDrain, measureDrain } from './measure-drain.js';
import { analyze, jobs, post, type PostJob, waitUntilZero } from './peer-jobs.js';
import { newTenant } from './tenant.js';

export interface PgBossSettings {
  readonly workCalls: number;
  readonly batchSize: number;
  readonly pollingIntervalSeconds: number;
  readonly max: number;
}

/**
 * pg-boss v10 fetches a batch, runs it, then waits `pollingIntervalSeconds` (0.5 s at least)
 * before the next fetch, so its ceiling is workCalls x batchSize / 0.5 s: 4 x 2,000 allows
 * 16,000 jobs/s, with in-flight requests capped by the same 64 sockets.
 */
export const PGBOSS_VARIANTS: readonly PgBossSettings[] = [{ workCalls: 4, batchSize: 2000, pollingIntervalSeconds: 0.5, max: 10 }];

/** pg-boss 10 in this process, draining `backlog` jobs bulk-inserted beforehand. */
export async function pgBossDrain(serverUrl: string, sink: SimProcess, backlog: number, settings: PgBossSettings): Promise<MeasuredDrain> {
  const tenant = await newTenant(sink);
  const database = await createThrowawayPgDatabase(serverUrl);
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: 64 });
  const boss = new PgBoss({ connectionString: database.url, max: settings.max, supervise: false, schedule: false });
  boss.on('error', () => {});
  try {
    await boss.start();
    await boss.createQueue('post');
    const all = jobs(backlog, `pb-${Date.now()}`);
    for (let i = 0; i < all.length; i += 1000) await boss.insert(all.slice(i, i + 1000).map((data) => ({ name: 'post', data })));
    await analyze(database.url);
    return await measureDrain('pg-boss', serverUrl, database.url, sink, backlog, async () => {
      for (let i = 0; i < settings.workCalls; i++) {
        await boss.work<PostJob>('post', { batchSize: settings.batchSize, pollingIntervalSeconds: settings.pollingIntervalSeconds }, async (batch) => {
          await Promise.all(batch.map((job) => post(transport, tenant, job.data)));
        });
      }
      await waitUntilZero(database.url, "SELECT count(*) AS n FROM pgboss.job WHERE name = 'post' AND state <> 'completed'");
    });
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await transport.close();
    await database.drop();
  }
}
