import { createHash } from 'node:crypto';
import { LedgerSimulator, type SimTenant, type TestDatabase, testDialects } from '@byte8/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../storage/create-storage.js';
import { buildBinary, pairSage, runBinary, startBinary, writeHostConfig } from './binary.test-helpers.js';

const pg = testDialects().find((d) => d.name === 'pg');

describe.skipIf(!pg)('the byte8 binary against PostgreSQL and the ledger simulator', () => {
  let database: TestDatabase & { dialect: 'pg' };
  let sim: LedgerSimulator;
  let tenant: SimTenant;
  let config: string;
  const env = () => ({ BYTE8_DATABASE_URL: database.url });
  const hostEnv = (extra: Record<string, string> = {}) => ({ HOST_DATABASE_URL: database.url, HOST_INVOICES: '20', ...extra });

  const withStorage = <T>(work: (storage: Awaited<ReturnType<typeof createStorage>>) => Promise<T>) => withStorageOn(database.url, work);
  async function withStorageOn<T>(url: string, work: (storage: Awaited<ReturnType<typeof createStorage>>) => Promise<T>): Promise<T> {
    const storage = await createStorage({ databaseUrl: url });
    try {
      return await work(storage);
    } finally {
      await storage.close();
    }
  }

  beforeAll(async () => {
    await buildBinary();
    database = (await pg!.createDatabase()) as typeof database;
    sim = await LedgerSimulator.start();
    tenant = sim.registerTenant({ provider: 'sage_accounting' });
    config = writeHostConfig();
  }, 240_000);
  afterAll(async () => {
    await sim?.stop();
    await database?.drop();
  }, 120_000);

  it('prints help (exit 0) and refuses unknown commands and bad settings (exit 2)', async () => {
    const help = await runBinary(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'worker', 'outbox', 'pair-code', 'status', 'backfill', 'sage']) expect(help.stdout).toContain(command);
    const sage = await runBinary(['sage', 'invoice:sync', '--help']);
    expect(sage.code).toBe(0);
    expect(sage.stdout).toContain('--ids <ids>');

    const unknown = await runBinary(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");

    const badUrl = await runBinary(['status', '--database-url', 'sqlite://localhost/shop']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--database-url (BYTE8_DATABASE_URL): must be a postgres://, postgresql:// or mysql:// URL');

    const badLevel = await runBinary(['status'], { env: { ...env(), BYTE8_LOG_LEVEL: 'loud' } });
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toContain('--log-level (BYTE8_LOG_LEVEL)');

    const none = await runBinary(['status']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no database configured');

    const missingConfig = await runBinary(['status', '--config', './nope.mjs']);
    expect(missingConfig.code).toBe(2);
    expect(missingConfig.stderr).toContain('--config (BYTE8_CONFIG): ./nope.mjs does not exist');
  }, 120_000);

  it('migrate creates the tables and is idempotent', async () => {
    const first = await runBinary(['migrate'], { env: env() });
    expect(first).toMatchObject({ code: 0, stdout: 'byte8: migrations applied (pg)\n' });
    const again = await runBinary(['migrate', '--json'], { env: env() });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ ok: true, dialect: 'pg', schema: null });
  }, 120_000);

  it('status reports an unpaired provider; pair-code prints a code only on stdout and stores its hash', async () => {
    const status = await runBinary(['status'], { env: env() });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Sage Accounting (sage_accounting)');
    expect(status.stdout).toContain('connection:      not connected');

    const pair = await runBinary(['pair-code'], { env: env() });
    expect(pair.code).toBe(0);
    const code = pair.stdout.trim();
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    expect(pair.stderr).not.toContain(code);
    expect(pair.stderr).toContain('Pairing code for Sage Accounting');
    const record = await withStorage((s) => s.connections.get('sage_accounting'));
    expect(record?.pairingCodeHash).toBe(createHash('sha256').update(code).digest('hex'));

    const unknown = await runBinary(['pair-code', '--provider', 'xero'], { env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--provider: unknown provider xero (installed: sage_accounting)');

    const json = await runBinary(['--json', 'status'], { env: env() });
    expect(JSON.parse(json.stdout).providers[0]).toMatchObject({ provider: 'sage_accounting', connected: false, pairingCodePending: true });
  }, 120_000);

  it('outbox inspect, requeue and cleanup follow the console contract', async () => {
    await pairSage(database.url, tenant, sim.url);
    const empty = await runBinary(['outbox', 'inspect'], { env: env() });
    expect(empty).toMatchObject({ code: 0, stdout: 'No dead-lettered events.\n' });
    expect((await runBinary(['outbox', 'inspect', '--limit', '0'], { env: env() })).code).toBe(2);

    // Three invoices through invoice:sync with the ledger down: they land in the outbox.
    sim.faults.failNext(3, 503);
    const sync = await runBinary(['sage', 'invoice:sync', '--ids', '1,2,3', '--event', 'created', '--config', config], { env: hostEnv() });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toContain('queued in outbox');
    // The ledger rejects two of them for good, accepts the third.
    sim.faults.failNext(2, 422, { message: 'Invoice   customer    missing' });
    const worker = await runBinary(['worker', '--once', '--no-reconcile'], { env: env() });
    expect(worker.code).toBe(0);
    expect(worker.stdout).toContain('3 delivery attempt(s)');

    const inspect = await runBinary(['outbox', 'inspect'], { env: env() });
    expect(inspect.code).toBe(0);
    const lines = inspect.stdout.split('\n');
    expect(lines[0]).toBe('2 dead-lettered event(s):');
    expect(lines[1]).toMatch(/^id\s+event\s+idempotency_key\s+last_attempt_at\s+http\s+error$/);
    expect(inspect.stdout).toMatch(/invoice\.created:\d\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+422\s+HTTP 422: \{"message":"Invoice customer missing"\}/);
    expect(inspect.stdout).toContain('byte8 outbox requeue --id <id>');
    expect(inspect.stdout).toContain('byte8 outbox requeue --all');
    const inspectJson = JSON.parse((await runBinary(['outbox', 'inspect', '--json', '--limit', '1'], { env: env() })).stdout);
    expect(inspectJson.total).toBe(2);
    expect(inspectJson.rows).toHaveLength(1);
    const [deadId, otherDeadId] = await withStorage(async (s) =>
      (await s.outbox.list({ status: 'dead_lettered' })).rows.map((r) => r.id),
    );
    const succeededId = await withStorage(async (s) => (await s.outbox.list({ status: 'succeeded' })).rows[0]!.id);

    expect(await runBinary(['outbox', 'requeue'], { env: env() })).toMatchObject({ code: 2 });
    expect(await runBinary(['outbox', 'requeue', '--id', '1', '--all'], { env: env() })).toMatchObject({ code: 2 });
    expect(await runBinary(['outbox', 'requeue', '--id', 'x'], { env: env() })).toMatchObject({ code: 2 });
    const missing = await runBinary(['outbox', 'requeue', '--id', '99999'], { env: env() });
    expect(missing).toMatchObject({ code: 1, stderr: 'byte8: outbox row 99999 does not exist\n' });
    const notDead = await runBinary(['outbox', 'requeue', '--id', String(succeededId)], { env: env() });
    expect(notDead.code).toBe(0);
    expect(notDead.stderr).toContain(`Outbox row ${succeededId} is succeeded, not dead-lettered; nothing to requeue.`);

    const one = await runBinary(['outbox', 'requeue', '--id', String(deadId)], { env: env() });
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(new RegExp(`^Requeued outbox row ${deadId} \\(invoice\\.created, invoice\\.created:\\d\\)\\.`));
    const row = await withStorage((s) => s.outbox.find(deadId!));
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lastStatusCode: 422 });
    const all = await runBinary(['outbox', 'requeue', '--all'], { env: env() });
    expect(all).toMatchObject({ code: 0, stdout: 'Requeued 1 dead-lettered event(s).\n' });
    expect((await withStorage((s) => s.outbox.find(otherDeadId!)))?.status).toBe('pending');
    expect((await runBinary(['worker', '--once', '--no-reconcile'], { env: env() })).code).toBe(0);
    expect(sim.stats.uniqueKeys).toBe(3);

    for (const days of ['0', 'abc', '1.5']) {
      const bad = await runBinary(['outbox', 'cleanup', '--days', days], { env: env() });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`--days must be an integer from 1 to 36500; got "${days}"`);
    }
    await withStorage((s) => sql`UPDATE byte8_event_outbox SET last_attempt_at = now() - interval '40 days' WHERE entity_id = ${succeededId}`.execute(s.db));
    const dry = await runBinary(['outbox', 'cleanup', '--dry-run'], { env: env() });
    expect(dry).toMatchObject({ code: 0, stdout: '1 succeeded event(s) older than 30 day(s) would be deleted (dry run).\n' });
    expect(await runBinary(['outbox', 'cleanup', '--days', '60'], { env: env() })).toMatchObject({ code: 0, stdout: 'Deleted 0 succeeded event(s) older than 60 day(s).\n' });
    expect(await runBinary(['outbox', 'cleanup'], { env: env() })).toMatchObject({ code: 0, stdout: 'Deleted 1 succeeded event(s) older than 30 day(s).\n' });
    expect(await withStorage((s) => s.outbox.find(succeededId!))).toBeNull();
  }, 240_000);

  it('sage invoice:sync publishes at once and fails (exit 1) without the host data or on bad options', async () => {
    await pairSage(database.url, tenant, sim.url);
    const before = sim.stats.accepted;
    const sync = await runBinary(['sage', 'invoice:sync', '--id', '5', '--config', config], { env: hostEnv() });
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/sync_run_id/);
    expect(sim.stats.accepted - before).toBe(2);
    const keys = sim.deliveries.slice(-2).map((d) => d.idempotencyKey);
    expect(keys).toEqual(['invoice.created:5', 'invoice.paid:5']);

    const noHost = await runBinary(['sage', 'invoice:sync', '--id', '5'], { env: env() });
    expect(noHost.code).toBe(2);
    expect(noHost.stderr).toContain("needs the host's data");
    const bad = await runBinary(['sage', 'invoice:sync', '--id', '5', '--all', '--config', config], { env: hostEnv() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('pass exactly one of --id, --ids or --all');
  }, 120_000);

  it('backfill refuses bad arguments with exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['backfill', '--since', '2024-01-01'], "required option '--entity <type>' not specified"],
      [['backfill', '--entity', 'order', '--since', '2024-01-01'], '--entity must be one of invoice, creditmemo, customer, product'],
      [['backfill', '--entity', 'invoice', '--since', 'yesterday'], '--since must be a date'],
      [['backfill', '--entity', 'invoice', '--since', '2024-02-01', '--until', '2024-01-01'], '--until must not be before --since'],
    ];
    for (const [args, message] of cases) {
      const result = await runBinary([...args, '--config', config], { env: hostEnv() });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const noHost = await runBinary(['backfill', '--entity', 'invoice', '--since', '2024-01-01'], { env: env() });
    expect(noHost.code).toBe(2);
  }, 120_000);

  it('several workers share one database, deliver each event once, and stop gracefully on SIGTERM', async () => {
    // A database of its own: earlier tests sent invoices through invoice:sync, which leaves no local trace.
    const own = (await pg!.createDatabase()) as typeof database;
    const ownEnv = { HOST_DATABASE_URL: own.url, HOST_INVOICES: '300' };
    const withOwn = async <T>(work: (s: Awaited<ReturnType<typeof createStorage>>) => Promise<T>) => {
      const storage = await createStorage({ databaseUrl: own.url });
      try {
        return await work(storage);
      } finally {
        await storage.close();
      }
    };
    await pairSage(own.url, sim.registerTenant({ provider: 'sage_accounting' }), sim.url);
    const backfill = await runBinary(['backfill', '--entity', 'invoice', '--since', '2024-01-01', '--config', config], { env: ownEnv });
    expect(backfill.code).toBe(0);
    const keysBefore = sim.stats.uniqueKeys;
    const workers = [0, 1].map(() =>
      startBinary(['worker', '--config', config, '--log-level', 'info', '--reconcile-interval', '1'], { env: ownEnv }),
    );
    await Promise.all(workers.map((w) => w.waitForStderr((s) => s.includes('byte8 worker: started'))));
    const pending = async () => withOwn(async (s) => (await s.outbox.counts()).filter((c) => c.status === 'pending').reduce((n, c) => n + c.count, 0));
    const deadline = Date.now() + 60_000;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    for (const w of workers) w.child.kill('SIGTERM');
    const results = await Promise.all(workers.map((w) => w.exited));
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('byte8 worker: stopped');
    }
    expect(await pending()).toBe(0);
    // 300 invoices: 300 created + 60 paid, each delivered once.
    expect(sim.stats.uniqueKeys - keysBefore).toBe(360);
    expect(sim.stats.duplicateDeliveries).toBe(0);
    await own.drop();
  }, 120_000);

  it('outbox inspect and outbox held show events held for a previous tenant; --readdress sends them to the current one', async () => {
    const own = (await pg!.createDatabase()) as TestDatabase & { dialect: 'pg' };
    const ownEnv = { BYTE8_DATABASE_URL: own.url };
    try {
      expect((await runBinary(['migrate'], { env: ownEnv })).code).toBe(0);
      const previous = sim.registerTenant({ provider: 'sage_accounting' });
      const current = sim.registerTenant({ provider: 'sage_accounting' });
      await pairSage(own.url, previous, sim.url);
      await withStorageOn(own.url, (s) =>
        s.outbox.enqueue([1, 2].map((id) => ({
          provider: 'sage_accounting', tenantId: previous.tenantId, eventName: 'invoice.created', idempotencyKey: `invoice.created:${id}`,
          body: `{"magento_entity_id":${id}}`, entityType: 'invoice' as const, entityId: id, upsert: false,
        }))),
      );
      await pairSage(own.url, current, sim.url);

      const inspect = await runBinary(['outbox', 'inspect'], { env: ownEnv });
      expect(inspect.code).toBe(0);
      expect(inspect.stdout).toContain(`2 event(s) of sage_accounting held: queued for previous tenant(s) ${previous.tenantId}, not sent to the current tenant ${current.tenantId}.`);
      expect(inspect.stdout).toContain('byte8 outbox held --readdress --provider sage_accounting');
      const listed = JSON.parse((await runBinary(['--json', 'outbox', 'held'], { env: ownEnv })).stdout);
      expect(listed.held).toEqual([{ provider: 'sage_accounting', count: 2, tenants: [previous.tenantId], currentTenantId: current.tenantId }]);

      // The worker holds them: nothing reaches either tenant.
      expect((await runBinary(['worker', '--once', '--no-reconcile'], { env: ownEnv })).stdout).toContain('0 delivery attempt(s)');
      expect(await runBinary(['outbox', 'held', '--readdress', '--drop'], { env: ownEnv })).toMatchObject({ code: 2, stderr: 'byte8: pass at most one of --readdress or --drop\n' });
      expect((await runBinary(['outbox', 'held', '--drop', '--provider', 'nope'], { env: ownEnv })).code).toBe(2);
      expect((await withStorageOn(own.url, (s) => s.outbox.list({ status: 'pending' }))).total).toBe(2);

      const moved = await runBinary(['outbox', 'held', '--readdress'], { env: ownEnv });
      expect(moved).toMatchObject({ code: 0, stdout: `Sent 2 held event(s) of sage_accounting to tenant ${current.tenantId}.\n` });
      expect((await runBinary(['outbox', 'held'], { env: ownEnv })).stdout).toBe('No held events.\n');
      const before = sim.deliveries.length;
      expect((await runBinary(['worker', '--once', '--no-reconcile'], { env: ownEnv })).stdout).toContain('2 delivery attempt(s)');
      expect(sim.deliveries.slice(before).map((d) => d.tenantId)).toEqual([current.tenantId, current.tenantId]);
    } finally {
      await own.drop();
    }
  }, 120_000);

  it('disconnect notifies the ledger and forgets the credentials; a second run says so', async () => {
    await pairSage(database.url, tenant, sim.url);
    const first = await runBinary(['disconnect'], { env: env() });
    expect(first).toMatchObject({ code: 0, stdout: 'Sage Accounting disconnected (the ledger acknowledged).\n' });
    const record = await withStorage((s) => s.connections.get('sage_accounting'));
    expect(record).toMatchObject({ tenantId: null, encryptedMasterKey: null, ledgerBaseUrl: sim.url });
    const second = await runBinary(['--json', 'disconnect'], { env: env() });
    expect(JSON.parse(second.stdout)).toEqual({ provider: 'sage_accounting', wasConnected: false, acknowledged: false });
    const status = await runBinary(['status'], { env: env() });
    expect(status.stdout).toContain('connection:      not connected');
  }, 120_000);
});
