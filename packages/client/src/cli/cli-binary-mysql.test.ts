import type { InvoiceSnapshot } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { LedgerSimulator, type SimTenant, testDialects } from '@byte8/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHooks } from '../hooks/create-host-hooks.js';
import { createPublisher } from '../publisher/publisher.js';
import { createStorage } from '../storage/create-storage.js';
import { buildBinary, pairSage, runBinary } from './binary.test-helpers.js';

const mysqlDialect = testDialects(process.env, { mysql: true }).find((d) => d.name === 'mysql');

const invoice = (id: number): InvoiceSnapshot => ({ id, incrementId: `INV-${id}`, state: 'open', websiteId: 1, storeId: 1 });

// The operator's commands over mysql:// (the PostgreSQL run of the same commands is cli-binary.test.ts).
describe.runIf(mysqlDialect)('the byte8 binary against MySQL and the ledger simulator', () => {
  let database: { url: string; drop(): Promise<void> };
  let sim: LedgerSimulator;
  let tenant: SimTenant;
  const env = (extra: Record<string, string> = {}) => ({ BYTE8_DATABASE_URL: database.url, ...extra });

  async function withStorage<T>(work: (storage: Awaited<ReturnType<typeof createStorage>>) => Promise<T>, tablePrefix?: string): Promise<T> {
    const storage = await createStorage({ databaseUrl: database.url, ...(tablePrefix ? { tablePrefix } : {}) });
    try {
      return await work(storage);
    } finally {
      await storage.close();
    }
  }

  beforeAll(async () => {
    await buildBinary();
    database = (await mysqlDialect!.createDatabase()) as typeof database;
    sim = await LedgerSimulator.start();
    tenant = sim.registerTenant({ provider: 'sage_accounting' });
  }, 240_000);
  afterAll(async () => {
    await sim?.stop();
    await database?.drop();
  }, 120_000);

  it('migrate creates the tables, idempotently, behind --table-prefix when given; --schema is refused', async () => {
    expect(await runBinary(['migrate'], { env: env() })).toMatchObject({ code: 0, stdout: 'byte8: migrations applied (mysql)\n' });
    const again = await runBinary(['migrate', '--json'], { env: env() });
    expect(JSON.parse(again.stdout)).toEqual({ ok: true, dialect: 'mysql', schema: null });
    expect((await runBinary(['migrate', '--table-prefix', 'shop_'], { env: env() })).code).toBe(0);
    const tables = await withStorage((s) =>
      sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE 'shop\\_%'`.execute(s.db),
    );
    expect(tables.rows.map((r) => r.name)).toContain('shop_byte8_event_outbox');
    const schema = await runBinary(['migrate', '--schema', 'byte8'], { env: env() });
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain('MySQL has no schemas, use `tablePrefix`');
  }, 120_000);

  it('status and pair-code work over MySQL', async () => {
    const status = await runBinary(['status'], { env: env() });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('connection:      not connected');
    const pair = await runBinary(['pair-code'], { env: env() });
    expect(pair.code).toBe(0);
    expect(pair.stdout.trim()).toMatch(/^[0-9a-f]{32}$/);
    expect((await withStorage((s) => s.connections.get('sage_accounting')))?.pairingCodeHash).toMatch(/^[0-9a-f]{64}$/);
  }, 120_000);

  it('worker --once delivers, outbox inspect, requeue and cleanup follow the console contract', async () => {
    await pairSage(database.url, tenant, sim.url);
    await withStorage(async (s) => {
      const hooks = createHostHooks({ providers: [sageAccounting()], publisher: createPublisher({ outbox: s.outbox, connections: s.connections }) });
      for (const id of [1, 2, 3]) await hooks.invoiceSaved({ before: null, after: invoice(id) });
    });
    sim.faults.failNext(2, 422, { message: 'Invoice customer missing' });
    const worker = await runBinary(['worker', '--once', '--no-reconcile'], { env: env() });
    expect(worker.code).toBe(0);
    expect(worker.stdout).toContain('3 delivery attempt(s)');

    const inspect = await runBinary(['outbox', 'inspect'], { env: env() });
    expect(inspect.code).toBe(0);
    expect(inspect.stdout.split('\n')[0], inspect.stdout).toBe('2 dead-lettered event(s):');
    expect(inspect.stdout).toMatch(/invoice\.created:\d\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+422\s+HTTP 422: \{"message":"Invoice customer missing"\}/);

    expect(await runBinary(['outbox', 'requeue', '--all'], { env: env() })).toMatchObject({ code: 0, stdout: 'Requeued 2 dead-lettered event(s).\n' });
    expect((await runBinary(['worker', '--once', '--no-reconcile'], { env: env() })).code).toBe(0);
    expect(sim.stats).toMatchObject({ uniqueKeys: 3, duplicateDeliveries: 0 });

    await withStorage((s) =>
      sql`UPDATE byte8_event_outbox SET last_attempt_at = UTC_TIMESTAMP(3) - INTERVAL 40 DAY WHERE idempotency_key = 'invoice.created:1'`.execute(s.db),
    );
    const dry = await runBinary(['outbox', 'cleanup', '--dry-run'], { env: env() });
    expect(dry).toMatchObject({ code: 0, stdout: '1 succeeded event(s) older than 30 day(s) would be deleted (dry run).\n' });
    expect(await runBinary(['outbox', 'cleanup'], { env: env() })).toMatchObject({ code: 0, stdout: 'Deleted 1 succeeded event(s) older than 30 day(s).\n' });
    expect((await withStorage((s) => s.outbox.list({}))).total).toBe(2);
  }, 240_000);
});
