import { createUndiciLedgerTransport } from '@byte8/client';
import { createThrowawayPgDatabase } from '@byte8/testkit';
import { Logger, makeWorkerUtils, run } from 'graphile-worker';
import type { SimProcess } from '../sim-client.js';
import { type MeasuredDrain, measureDrain } from './measure-drain.js';
import { analyze, jobs, post, type PostJob, waitUntilZero } from './peer-jobs.js';
import { newTenant } from './tenant.js';

export interface GraphileSettings {
  readonly concurrentJobs: number;
  readonly maxPoolSize: number;
  readonly localQueue: { readonly size: number };
  readonly completeJobBatchDelay: number;
  readonly failJobBatchDelay: number;
  readonly pollInterval: number;
}

/**
 * Settings tried, from graphile-worker's performance page: 64 jobs in flight (our worker's
 * sockets), a pool of concurrentJobs + 2, a local queue of 1,000, and completion batching
 * with no delay or a short one. The scenario keeps the fastest.
 */
export const GRAPHILE_VARIANTS: readonly GraphileSettings[] = [
  { concurrentJobs: 64, maxPoolSize: 66, localQueue: { size: 1000 }, completeJobBatchDelay: 0, failJobBatchDelay: 0, pollInterval: 1000 },
  { concurrentJobs: 64, maxPoolSize: 66, localQueue: { size: 1000 }, completeJobBatchDelay: 5, failJobBatchDelay: 5, pollInterval: 1000 },
];

/** graphile-worker's logger with only errors, so its info lines do not flood the table. */
function silentGraphileLogger(): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error') console.error(`graphile-worker: ${message}`);
  });
}

/** graphile-worker 0.17 in this process, draining `backlog` jobs bulk-added beforehand. */
export async function graphileDrain(serverUrl: string, sink: SimProcess, backlog: number, settings: GraphileSettings): Promise<MeasuredDrain> {
  const tenant = await newTenant(sink);
  const database = await createThrowawayPgDatabase(serverUrl);
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: 64 });
  try {
    const utils = await makeWorkerUtils({ connectionString: database.url });
    await utils.migrate();
    const all = jobs(backlog, `gw-${Date.now()}`);
    for (let i = 0; i < all.length; i += 1000) await utils.addJobs(all.slice(i, i + 1000).map((payload) => ({ identifier: 'post', payload })));
    await utils.release();
    await analyze(database.url);
    let runner: Awaited<ReturnType<typeof run>> | null = null;
    const measured = await measureDrain('graphile-worker', serverUrl, database.url, sink, backlog, async () => {
      runner = await run({
        noHandleSignals: true,
        preset: { worker: { connectionString: database.url, ...settings } },
        concurrency: settings.concurrentJobs,
        taskList: { post: async (payload: unknown) => post(transport, tenant, payload as PostJob) },
        logger: silentGraphileLogger(),
      });
      // Finished jobs are deleted: the drain is over when the job table is empty.
      await waitUntilZero(database.url, 'SELECT count(*) AS n FROM graphile_worker._private_jobs');
    });
    const started = runner as Awaited<ReturnType<typeof run>> | null;
    if (started) {
      await started.stop();
      await started.promise.catch(() => {});
    }
    return measured;
  } finally {
    await transport.close();
    await database.drop();
  }
}
