/**
 * `pnpm bench:drain`: enqueue a backlog, then time the drain worker delivering
 * it over real HTTP into the ledger simulator (policy `none`, own process),
 * on PGlite and on PostgreSQL. Prints events/s per dialect; asserts nothing
 * but the counts (every key delivered once, no duplicates).
 *
 * Options: --events N (20000), --dialects pglite,pg, --batch N, --concurrency N,
 * --workers N (drain workers in this process), --connections N (sockets to the
 * simulator). PostgreSQL: BYTE8_BENCH_PG_URL, else BYTE8_TEST_PG_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres (a throwaway database is created).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AesGcmSecretBox, type Byte8Storage, createDrainWorker, createStorage, createUndiciLedgerTransport, ledgerUrlPolicy } from '@byte8/client';
import { type OutboxEventInput, formatWireTimestamp, serializeEnvelope } from '@byte8/core';
import { createThrowawayPgDatabase } from '@byte8/testkit';
import { SimProcess } from './sim-client.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    dialects: { type: 'string', default: 'pglite,pg' },
    batch: { type: 'string' },
    concurrency: { type: 'string' },
    workers: { type: 'string' },
    connections: { type: 'string', default: '64' },
    profile: { type: 'boolean', default: false },
  },
});
const events = Number(values.events);
const pgUrl = process.env.BYTE8_BENCH_PG_URL ?? process.env.BYTE8_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PROVIDER = 'sage_accounting';

/** Tuned per dialect; flags override. PGlite is one session, so several workers only queue on it. */
const defaults = {
  pglite: { batch: 500, concurrency: 64, workers: 1 },
  pg: { batch: 500, concurrency: 64, workers: 2 },
} as const;

async function open(dialect: 'pglite' | 'pg'): Promise<{ storage: Byte8Storage; drop: () => Promise<void> }> {
  if (dialect === 'pglite') {
    const storage = await createStorage();
    return { storage, drop: () => storage.close() };
  }
  const database = await createThrowawayPgDatabase(pgUrl);
  const storage = await createStorage({ databaseUrl: database.url });
  return {
    storage,
    drop: async () => {
      await storage.close();
      await database.drop();
    },
  };
}

async function enqueueBacklog(storage: Byte8Storage, tenantId: string): Promise<number> {
  const occurredAt = formatWireTimestamp(new Date());
  const started = performance.now();
  for (let from = 1; from <= events; from += 1000) {
    const chunk: OutboxEventInput[] = [];
    for (let id = from; id < Math.min(from + 1000, events + 1); id++) {
      chunk.push({
        provider: PROVIDER,
        tenantId,
        eventName: 'invoice.created',
        idempotencyKey: `invoice.created:${id}`,
        body: serializeEnvelope({
          magento_entity_id: id,
          website_id: 1,
          store_id: 1,
          occurred_at: occurredAt,
          payload: { increment_id: String(id).padStart(9, '0'), paid: false },
        }),
        entityType: 'invoice',
        entityId: id,
        upsert: false,
      });
    }
    await storage.outbox.enqueue(chunk);
  }
  return performance.now() - started;
}

async function run(dialect: 'pglite' | 'pg', sim: SimProcess): Promise<void> {
  const tuning = {
    batch: Number(values.batch ?? defaults[dialect].batch),
    concurrency: Number(values.concurrency ?? defaults[dialect].concurrency),
    workers: Number(values.workers ?? defaults[dialect].workers),
  };
  const { storage, drop } = await open(dialect);
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: Number(values.connections) });
  try {
    const secretBox = new AesGcmSecretBox({ keys: { bench: randomBytes(32).toString('base64') }, activeKeyId: 'bench' });
    const tenantId = randomUUID();
    const masterKey = `byte8_lk_${randomBytes(32).toString('hex')}`;
    await sim.register(tenantId, masterKey);
    const code = randomBytes(16).toString('hex');
    await storage.connections.setPairingCode(PROVIDER, code, new Date());
    await storage.connections.completePairing(
      PROVIDER,
      code,
      { tenantId, encryptedMasterKey: secretBox.seal(masterKey), ledgerBaseUrl: sim.url },
      new Date(),
    );

    const enqueueMs = await enqueueBacklog(storage, tenantId);
    const before = await sim.stats();
    const workers = Array.from({ length: tuning.workers }, (_, i) =>
      createDrainWorker(
        {
          outbox: storage.outbox,
          connections: storage.connections,
          transport,
          secretBox,
          providers: [{ key: PROVIDER, webhookProviderParam: null }],
          ledgerUrlPolicy: ledgerUrlPolicy({ allowedHosts: ['127.0.0.1'] }),
        },
        { workerId: `bench-${i}`, batchSize: tuning.batch, concurrency: tuning.concurrency, gcIntervalMs: 0 },
      ),
    );
    const spent = { claim: 0, complete: 0, claims: 0 };
    if (values.profile) {
      const outbox = storage.outbox;
      const claim = outbox.claim.bind(outbox);
      const complete = outbox.complete.bind(outbox);
      outbox.claim = async (o) => {
        const t = performance.now();
        const rows = await claim(o);
        spent.claim += performance.now() - t;
        spent.claims++;
        return rows;
      };
      outbox.complete = async (owner, outcomes) => {
        const t = performance.now();
        await complete(owner, outcomes);
        spent.complete += performance.now() - t;
      };
    }
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const drained = (await Promise.all(workers.map((w) => w.drainUntilIdle()))).reduce((a, b) => a + b, 0);
    const drainMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const after = await sim.stats();

    const unique = after.uniqueKeys - before.uniqueKeys;
    const duplicates = after.duplicateDeliveries - before.duplicateDeliveries;
    const rejected = after.rejected - before.rejected;
    const succeeded = (await storage.outbox.counts()).find((c) => c.status === 'succeeded')?.count ?? 0;
    const perSecond = Math.round(drained / (drainMs / 1000));
    console.log(
      `${dialect.padEnd(6)} ${perSecond.toString().padStart(6)} events/s  drained ${drained} in ${(drainMs / 1000).toFixed(2)} s` +
        `  (enqueue ${Math.round(events / (enqueueMs / 1000))} events/s; batch ${tuning.batch}, concurrency ${tuning.concurrency}, workers ${tuning.workers})`,
    );
    // CPU per event is what the machine's load cannot inflate much: it bounds events/s on an idle core.
    const workerCpu = (cpu.user + cpu.system) / drained;
    const simCpu = (after.cpuMicros - before.cpuMicros) / drained;
    console.log(
      `       cpu per event: worker ${Math.round(workerCpu)} us, simulator ${Math.round(simCpu)} us` +
        ` (one idle core each would allow ~${Math.round(1e6 / Math.max(workerCpu, simCpu))} events/s, database time excluded)`,
    );
    if (values.profile) {
      console.log(`       profile: ${spent.claims} claims ${Math.round(spent.claim)} ms, complete ${Math.round(spent.complete)} ms (summed over workers)`);
    }
    console.log(`       simulator: ${unique} unique keys, ${duplicates} duplicate deliveries, ${rejected} rejected; outbox: ${succeeded} succeeded`);
    if (unique !== events || duplicates !== 0 || succeeded !== events) {
      process.exitCode = 1;
      console.error(`       MISMATCH: expected ${events} unique deliveries and ${events} succeeded rows, no duplicates`);
    }
  } finally {
    await transport.close();
    await drop();
  }
}

const sim = await SimProcess.start();
console.log(`drain benchmark: ${events} events, simulator (policy none) in its own process at ${sim.url}`);
try {
  for (const dialect of values.dialects!.split(',').map((d) => d.trim())) {
    if (dialect !== 'pglite' && dialect !== 'pg') throw new Error(`--dialects: unknown dialect ${dialect} (pglite, pg)`);
    await run(dialect, sim);
  }
} finally {
  await sim.stop();
}
console.log(`reproduce: pnpm bench:drain -- --events ${events} --dialects ${values.dialects}`);
