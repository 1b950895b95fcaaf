import { LedgerSimulator, type TestDatabase, testDialects } from '@byte8/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBinary, pairSage, runBinary, startBinary, writeHostConfig } from '../cli/binary.test-helpers.js';
import { createStorage } from '../storage/create-storage.js';

const pg = testDialects().find((d) => d.name === 'pg');
const INVOICES = 10_000;
const PAID = INVOICES / 5;

/** `done` of the last progress line (`label: 2,000/10,000 20% ...`). */
function lastDone(stderr: string): number {
  const matches = [...stderr.matchAll(/backfill invoice sage_accounting: ([\d,]+)\/([\d,]+)/g)];
  const last = matches[matches.length - 1];
  return last ? Number(last[1]!.replace(/,/g, '')) : 0;
}

describe.skipIf(!pg)('byte8 backfill of 10k invoices through the binary', () => {
  let database: TestDatabase & { dialect: 'pg' };
  let sim: LedgerSimulator;
  let config: string;

  beforeAll(async () => {
    await buildBinary();
    database = (await pg!.createDatabase()) as typeof database;
    sim = await LedgerSimulator.start({ record: false });
    await pairSage(database.url, sim.registerTenant({ provider: 'sage_accounting' }), sim.url);
    config = writeHostConfig();
  }, 240_000);
  afterAll(async () => {
    await sim?.stop();
    await database?.drop();
  });

  it('shows progress, survives SIGINT and SIGKILL, resumes, and enqueues every event exactly once', async () => {
    const args = ['backfill', '--entity', 'invoice', '--since', '2024-01-01', '--config', config, '--progress-every', '0'];
    const env = { HOST_DATABASE_URL: database.url, HOST_INVOICES: String(INVOICES), HOST_PAGE_DELAY_MS: '30' };

    // 1: interrupted politely; it finishes its page, keeps its watermark and says how to resume.
    const first = startBinary(args, { env });
    await first.waitForStderr((s) => lastDone(s) >= 2000, 180_000);
    first.child.kill('SIGINT');
    const stopped = await first.exited;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/backfill invoice sage_accounting: 0\/10,000 0% /);
    expect(stopped.stderr).toContain('Interrupted: run the same command again to resume where it stopped.');
    expect(stopped.stdout).toMatch(/^backfill invoice sage_accounting: \d+ scanned, \d+ enqueued, interrupted$/m);
    const firstDone = lastDone(stopped.stderr);

    // 2: resumed (the count is what remains), then killed outright mid-page.
    const second = startBinary(args, { env });
    await second.waitForStderr((s) => lastDone(s) >= 2000, 180_000);
    const remaining = Number(/: 0\/([\d,]+)/.exec(second.stderr())![1]!.replace(/,/g, ''));
    expect(remaining).toBeLessThanOrEqual(INVOICES - firstDone);
    second.child.kill('SIGKILL');
    expect((await second.exited).signal).toBe('SIGKILL');

    // 3: completes.
    const third = await runBinary(args, { env });
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/^backfill invoice sage_accounting: \d+ scanned, \d+ enqueued, complete$/m);
    expect(third.stderr).toMatch(/ done\n/);

    const storage = await createStorage({ databaseUrl: database.url });
    try {
      const rows = await sql<{ event_name: string; rows: string; keys: string }>`
        SELECT event_name, count(*) AS rows, count(DISTINCT idempotency_key) AS keys
        FROM byte8_event_outbox GROUP BY event_name ORDER BY event_name`.execute(storage.db);
      expect(rows.rows.map((r) => [r.event_name, Number(r.rows), Number(r.keys)])).toEqual([
        ['invoice.created', INVOICES, INVOICES],
        ['invoice.paid', PAID, PAID],
      ]);
      const mirror = await storage.syncState.list({ entityType: 'invoice', provider: 'sage_accounting', limit: 1 });
      expect(mirror.total).toBe(INVOICES);
    } finally {
      await storage.close();
    }

    // 4: a finished window has nothing left to do.
    const again = await runBinary([...args, '--json'], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ complete: true, runs: [{ provider: 'sage_accounting', scanned: 0, enqueued: 0 }] });

    // Delivery: every key reaches the ledger once.
    const worker = await runBinary(['worker', '--once', '--no-reconcile', '--concurrency', '64', '--batch-size', '500'], {
      env: { BYTE8_DATABASE_URL: database.url },
    });
    expect(worker.code).toBe(0);
    expect(sim.stats.uniqueKeys).toBe(INVOICES + PAID);
    expect(sim.stats.duplicateDeliveries).toBe(0);
  }, 600_000);
});
