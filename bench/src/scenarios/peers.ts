import { createUndiciLedgerTransport } from '@byte8/client';
import type { LedgerTransport } from '@byte8/core';
import { createThrowawayPgDatabase } from '@byte8/testkit';
import { Logger, makeWorkerUtils, run } from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { invoiceBody } from '../harness/backlog.js';
import { type BenchContext, WORKER_TUNING, round, short } from '../harness/context.js';
import { drainPgBacklog } from '../harness/pg-drain.js';
import { type Figure, figure, median } from '../harness/summary.js';
import { type BenchTenant, PROVIDER, newTenant } from '../harness/tenant.js';

/** Job payload of both peers: the key and the exact body, stored at enqueue as our outbox does. */
interface PostJob {
  readonly key: string;
  readonly body: string;
}

/** Peer settings, from each project's performance docs, at the same in-flight count as our worker (2 x 64). */
export const GRAPHILE_SETTINGS = {
  concurrentJobs: 128,
  maxPoolSize: 25,
  localQueue: { size: 500 },
  completeJobBatchDelay: 0,
  failJobBatchDelay: 0,
  pollInterval: 1000,
} as const;
/**
 * pg-boss v10 fetches a batch, runs it, then waits `pollingIntervalSeconds` (0.5 s at least)
 * before the next fetch, so its ceiling is workCalls x batchSize / 0.5 s: 4 x 500 allows
 * 4,000 jobs/s, above what the simulator takes, with in-flight requests capped by the same 64 sockets.
 */
export const PGBOSS_SETTINGS = { workCalls: 4, batchSize: 500, pollingIntervalSeconds: 0.5, max: 10 } as const;

/** The same request our worker sends: our undici transport, a fresh JWT per request, the stored body. */
async function post(transport: LedgerTransport, tenant: BenchTenant, job: PostJob): Promise<void> {
  const r = await transport.deliver({ ...tenant.auth, provider: PROVIDER, providerParam: null, eventName: 'invoice.created', idempotencyKey: job.key, body: job.body });
  if (r.kind !== 'response' || r.statusCode !== 202) throw new Error(`delivery failed: ${r.kind}`);
}

function jobs(backlog: number, prefix: string): PostJob[] {
  return Array.from({ length: backlog }, (_, i) => ({ key: `${prefix}:${i + 1}`, body: invoiceBody(i + 1) }));
}

async function countWhere(url: string, query: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(query)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function waitUntilZero(url: string, query: string): Promise<void> {
  while ((await countWhere(url, query)) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function graphile(ctx: BenchContext, backlog: number): Promise<number> {
  const tenant = await newTenant(ctx.sim);
  const database = await createThrowawayPgDatabase(ctx.pgUrl);
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: 64 });
  try {
    const utils = await makeWorkerUtils({ connectionString: database.url });
    await utils.migrate();
    const all = jobs(backlog, `gw-${Date.now()}`);
    for (let i = 0; i < all.length; i += 1000) await utils.addJobs(all.slice(i, i + 1000).map((payload) => ({ identifier: 'post', payload })));
    await utils.release();
    const before = await ctx.sim.stats();
    const started = performance.now();
    const runner = await run({
      noHandleSignals: true,
      preset: { worker: { connectionString: database.url, ...GRAPHILE_SETTINGS } },
      concurrency: GRAPHILE_SETTINGS.concurrentJobs,
      taskList: { post: async (payload: unknown) => post(transport, tenant, payload as PostJob) },
      logger: silentGraphileLogger(),
    });
    // Finished jobs are deleted: the drain is over when the job table is empty.
    await waitUntilZero(database.url, 'SELECT count(*) AS n FROM graphile_worker._private_jobs');
    const ms = performance.now() - started;
    await runner.stop();
    await runner.promise.catch(() => {});
    await checkDelivered(ctx, before, backlog, 'graphile-worker');
    return backlog / (ms / 1000);
  } finally {
    await transport.close();
    await database.drop();
  }
}

async function pgBoss(ctx: BenchContext, backlog: number): Promise<number> {
  const tenant = await newTenant(ctx.sim);
  const database = await createThrowawayPgDatabase(ctx.pgUrl);
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: 64 });
  const boss = new PgBoss({ connectionString: database.url, max: PGBOSS_SETTINGS.max, supervise: false, schedule: false });
  boss.on('error', () => {});
  try {
    await boss.start();
    await boss.createQueue('post');
    const all = jobs(backlog, `pb-${Date.now()}`);
    for (let i = 0; i < all.length; i += 1000) await boss.insert(all.slice(i, i + 1000).map((data) => ({ name: 'post', data })));
    const before = await ctx.sim.stats();
    const started = performance.now();
    for (let i = 0; i < PGBOSS_SETTINGS.workCalls; i++) {
      await boss.work<PostJob>('post', { batchSize: PGBOSS_SETTINGS.batchSize, pollingIntervalSeconds: PGBOSS_SETTINGS.pollingIntervalSeconds }, async (batch) => {
        await Promise.all(batch.map((job) => post(transport, tenant, job.data)));
      });
    }
    await waitUntilZero(database.url, "SELECT count(*) AS n FROM pgboss.job WHERE name = 'post' AND state <> 'completed'");
    const ms = performance.now() - started;
    await checkDelivered(ctx, before, backlog, 'pg-boss');
    return backlog / (ms / 1000);
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await transport.close();
    await database.drop();
  }
}

async function checkDelivered(ctx: BenchContext, before: { uniqueKeys: number }, backlog: number, who: string): Promise<void> {
  const after = await ctx.sim.stats();
  const unique = after.uniqueKeys - before.uniqueKeys;
  if (unique !== backlog) throw new Error(`${who}: simulator saw ${unique} unique keys of ${backlog}`);
}

/** graphile-worker's logger with only errors, so its info lines do not flood the table. */
function silentGraphileLogger(): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error') console.error(`graphile-worker: ${message}`);
  });
}

/**
 * Dropping a peer's database (`WITH (FORCE)`) kills its idle pool clients; a
 * peer pool without an error listener would turn that into an uncaught error.
 */
function ignoreForcedDisconnects(error: Error & { code?: string }): void {
  if (error.code === '57P01' || /terminating connection due to administrator command|Connection terminated/.test(error.message)) return;
  throw error;
}

/** Scenario 2: the same backlog, the same request, the same PostgreSQL: ours against graphile-worker and pg-boss. */
export async function peersScenario(ctx: BenchContext): Promise<Figure[]> {
  if (!ctx.dialects.includes('pg')) return [];
  process.on('uncaughtException', ignoreForcedDisconnects);
  const backlog = ctx.sizes.peerBacklog;
  const ours: number[] = [];
  const gw: number[] = [];
  const pb: number[] = [];
  for (let r = 0; r < ctx.sizes.repeats; r++) {
    ours.push(round((await drainPgBacklog(ctx.pgUrl, ctx.sim, backlog)).eventsPerSecond));
    gw.push(round(await graphile(ctx, backlog)));
    pb.push(round(await pgBoss(ctx, backlog)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    ctx.log(`  peers #${r + 1}: byte8 ${ours.at(-1)}, graphile-worker ${gw.at(-1)}, pg-boss ${pb.at(-1)} events/s`);
  }
  const name = (who: string) => `${who}, pg ${short(backlog)}`;
  return [
    figure('peers', name('byte8'), 'throughput', 'events/s', ours, { ...WORKER_TUNING.pg, process: 'child' }),
    figure('peers', name('graphile-worker'), 'throughput', 'events/s', gw, { ...GRAPHILE_SETTINGS, process: 'bench process' }),
    figure('peers', name('pg-boss'), 'throughput', 'events/s', pb, { ...PGBOSS_SETTINGS, process: 'bench process' }),
    figure('peers', 'byte8 / graphile-worker', 'ratio', 'x', [round(median(ours) / median(gw), 2)]),
    figure('peers', 'byte8 / pg-boss', 'ratio', 'x', [round(median(ours) / median(pb), 2)]),
    figure('peers', 'byte8 / faster peer', 'ratio', 'x', [round(median(ours) / Math.max(median(gw), median(pb)), 2)]),
  ];
}
