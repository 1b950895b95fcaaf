import { type Byte8Storage, createPublisher, createStorage, transactionConnections } from '@byte8/client';
import type { FiredEvent } from '@byte8/core';
import { type Kysely, sql } from 'kysely';
import { invoiceBody, invoiceEvent } from '../harness/backlog.js';
import { type BenchContext, type BenchDialect, round } from '../harness/context.js';
import { openMysqlBenchDb } from '../harness/mysql-db.js';
import { type Figure, figure, median } from '../harness/summary.js';
import { PgBackendCpu } from '../harness/pg-cpu.js';
import { openBenchDb } from '../harness/pg-db.js';
import { PROVIDER, newTenant, pair } from '../harness/tenant.js';

const CLIENTS = [1, 4, 16];

let seq = 0;
function fired(id: number, prefix: string): FiredEvent {
  return {
    eventName: 'invoice.created',
    entityType: 'invoice',
    entityId: id,
    websiteId: 1,
    storeId: 1,
    payload: { increment_id: String(id).padStart(9, '0'), paid: false },
    idempotencyKey: `${prefix}:${id}`,
    upsert: false,
  };
}

interface Rate {
  /** Operations (= transactions) per second. */
  readonly perSecond: number;
  /** CPU per transaction, in microseconds: this process's, and PostgreSQL's backends' (pg only, else null). */
  readonly clientUs: number;
  readonly postgresUs: number | null;
}

/** Runs `op` from `clients` loops for `seconds`, with the CPU each side spent per transaction. */
async function rate(clients: number, seconds: number, op: () => Promise<unknown>, backends: PgBackendCpu | null): Promise<Rate> {
  let done = 0;
  await backends?.start();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        await op();
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const postgres = backends ? await backends.used() : null;
  return {
    perSecond: done / elapsed,
    clientUs: (cpu.user + cpu.system) / done,
    postgresUs: postgres === null ? null : postgres / done,
  };
}

/**
 * The bare baseline: a table with the outbox's columns, defaults and indexes
 * (`LIKE ... INCLUDING ALL`: primary key, unique key, the four secondary
 * indexes) but no NOTIFY trigger and no pending mirror row.
 */
async function createBareTable(db: Kysely<any>, dialect: BenchDialect): Promise<void> {
  if (dialect === 'mysql') {
    // MySQL's LIKE copies the columns, defaults and every index too.
    await sql`CREATE TABLE bench_bare_outbox LIKE byte8_event_outbox`.execute(db);
    await sql`CREATE TABLE bench_host_orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, total DECIMAL(12,2) NOT NULL, created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))`.execute(db);
    return;
  }
  await sql`CREATE TABLE bench_bare_outbox (LIKE byte8_event_outbox INCLUDING ALL)`.execute(db);
  await sql`CREATE TABLE bench_host_orders (id bigserial PRIMARY KEY, total numeric(12,2) NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`.execute(db);
}

function bareInsert(db: Kysely<any>, id: number, tenantId: string) {
  return sql`INSERT INTO bench_bare_outbox (provider, tenant_id, idempotency_key, event_name, payload, entity_type, entity_ref)
    VALUES (${PROVIDER}, ${tenantId}, ${`bare:${id}`}, 'invoice.created', ${invoiceBody(id)}, 'invoice', ${id})`.execute(db);
}

function hostInsert(db: Kysely<any>) {
  return sql`INSERT INTO bench_host_orders (total) VALUES (42.50)`.execute(db);
}

async function measure(ctx: BenchContext, dialect: BenchDialect, storage: Byte8Storage, tenantId: string, backends: PgBackendCpu | null): Promise<Figure[]> {
  const db = storage.db;
  await createBareTable(db, dialect);
  const publisher = createPublisher({ outbox: storage.outbox, connections: storage.connections, connectionsIn: transactionConnections(storage) });
  const figures: Figure[] = [];
  const seconds = ctx.sizes.enqueueSeconds;
  // PGlite is one session: concurrent clients would only queue on it.
  for (const clients of dialect === 'pglite' ? [1] : CLIENTS) {
    const runs: Record<'bare' | 'store' | 'pub', Rate[]> = { bare: [], store: [], pub: [] };
    for (let r = 0; r < ctx.sizes.repeats; r++) {
      runs.bare.push(await rate(clients, seconds, () => bareInsert(db, ++seq, tenantId), backends));
      runs.store.push(await rate(clients, seconds, () => storage.outbox.enqueue([invoiceEvent(++seq, tenantId, 'store')]), backends));
      runs.pub.push(await rate(clients, seconds, () => publisher.enqueue(PROVIDER, [fired(++seq, 'publisher')]), backends));
      const line = (k: keyof typeof runs) => `${round(runs[k].at(-1)!.perSecond)}/s`;
      ctx.log(`  enqueue ${dialect} ${clients} client(s) #${r + 1}: bare ${line('bare')}, store ${line('store')}, publisher ${line('pub')}`);
    }
    const bare = runs.bare.map((x) => round(x.perSecond));
    const store = runs.store.map((x) => round(x.perSecond));
    const pub = runs.pub.map((x) => round(x.perSecond));
    const name = `${dialect}, ${clients} client${clients > 1 ? 's' : ''}`;
    const details = { clients, seconds, transaction: 'one per operation (autocommit)' };
    figures.push(figure('enqueue', name, 'bare INSERT', 'tx/s', bare, { ...details, table: 'LIKE byte8_event_outbox INCLUDING ALL (same columns, PK, unique key, 4 indexes; no trigger, no mirror row)' }));
    figures.push(figure('enqueue', name, 'outbox.enqueue (outbox + mirror)', 'tx/s', store, details));
    figures.push(figure('enqueue', name, 'publisher.enqueue', 'tx/s', pub, details));
    if (backends) {
      const cpuDetails = { ...details, source: 'PostgreSQL: /proc CPU of the bench database backends; client: process.cpuUsage() of the bench process' };
      for (const [key, label] of [['bare', 'bare INSERT'], ['store', 'outbox.enqueue'], ['pub', 'publisher.enqueue']] as const) {
        figures.push(figure('enqueue', name, `${label}, PostgreSQL CPU per transaction`, 'us', runs[key].map((x) => round(x.postgresUs!)), cpuDetails));
        figures.push(figure('enqueue', name, `${label}, client CPU per transaction`, 'us', runs[key].map((x) => round(x.clientUs)), cpuDetails));
      }
    }
    figures.push(figure('enqueue', name, 'outbox.enqueue / bare', 'x', [round(median(store) / median(bare), 2)]));
    figures.push(figure('enqueue', name, 'publisher.enqueue / bare', 'x', [round(median(pub) / median(bare), 2)]));
  }

  // Added latency inside a host transaction: alternate blocks so drift hits both sides alike.
  const iterations = ctx.sizes.hostTxIterations;
  const block = 100;
  const alone: number[] = [];
  const joined: number[] = [];
  for (let done = 0; done < iterations; done += block) {
    let t = performance.now();
    for (let i = 0; i < block; i++) await db.transaction().execute((trx) => hostInsert(trx));
    alone.push((performance.now() - t) / block);
    t = performance.now();
    for (let i = 0; i < block; i++) {
      await db.transaction().execute(async (trx) => {
        await hostInsert(trx);
        await publisher.enqueue(PROVIDER, [fired(++seq, 'host')], { transaction: trx });
      });
    }
    joined.push((performance.now() - t) / block);
  }
  const added = joined.map((j, i) => round(j - alone[i]!, 3));
  const details = { iterations, blockSize: block, note: 'mean per transaction of each block of 100; host INSERT alone vs host INSERT + publisher.enqueue in one transaction' };
  figures.push(figure('enqueue', `${dialect}, host transaction`, 'host INSERT alone', 'ms/tx', alone.map((a) => round(a, 3)), details));
  figures.push(figure('enqueue', `${dialect}, host transaction`, 'host INSERT + enqueue', 'ms/tx', joined.map((a) => round(a, 3)), details));
  figures.push(figure('enqueue', `${dialect}, host transaction`, 'added by enqueue', 'ms', added, details));
  return figures;
}

/** Scenario 3: enqueue throughput against a bare single-row INSERT, and the latency enqueue adds to a host transaction. */
export async function enqueueScenario(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const dialect of ctx.dialects) {
    const tenant = await newTenant(ctx.sim);
    if (dialect === 'pglite') {
      const storage = await createStorage();
      try {
        await pair(storage, tenant);
        figures.push(...(await measure(ctx, dialect, storage, tenant.tenantId, null)));
      } finally {
        await storage.close();
      }
      continue;
    }
    // Room for 16 clients at once (pg's default pool holds 10). The MySQL storage keeps a pool of 10.
    const db = dialect === 'mysql' ? await openMysqlBenchDb(ctx.mysqlUrl, tenant) : await openBenchDb(ctx.pgUrl, tenant, 20);
    try {
      const backends = dialect === 'pg' ? new PgBackendCpu(ctx.pgUrl, db.url) : null;
      figures.push(...(await measure(ctx, dialect, db.storage, tenant.tenantId, backends)));
    } finally {
      await db.drop();
    }
  }
  return figures;
}
