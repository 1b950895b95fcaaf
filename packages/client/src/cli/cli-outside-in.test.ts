import { createHash } from 'node:crypto';
import { type TestDatabase, testDialects } from '@byte8/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../storage/create-storage.js';
import { buildBinary, runBinary } from './binary.test-helpers.js';

const pg = testDialects().find((d) => d.name === 'pg');

/**
 * Each command driven the way a clumsy operator (or a script gone wrong)
 * drives it: before `migrate`, with wrong types, huge values, in the wrong
 * order, twice at once. Each gets a clear message and a non-zero exit, and the
 * database is left as it was.
 */
describe.skipIf(!pg)('the byte8 binary, used wrongly', () => {
  let database: TestDatabase & { dialect: 'pg' };
  const env = () => ({ BYTE8_DATABASE_URL: database.url });
  const tables = async () => {
    const storage = await createStorage({ databaseUrl: database.url, migrate: false });
    try {
      const result = await sql<{ n: string }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name LIKE 'byte8\\_%'`.execute(storage.db);
      return Number(result.rows[0]!.n);
    } finally {
      await storage.close();
    }
  };

  beforeAll(async () => {
    await buildBinary();
    database = (await pg!.createDatabase()) as typeof database;
  }, 240_000);
  afterAll(async () => {
    await database?.drop();
  }, 120_000);

  it('before migrate: every command that reads the tables says to run byte8 migrate, and creates nothing', async () => {
    for (const args of [['status'], ['outbox', 'inspect'], ['outbox', 'held'], ['outbox', 'requeue', '--all'], ['outbox', 'cleanup'], ['pair-code'], ['worker', '--once', '--no-reconcile']]) {
      const result = await runBinary(args, { env: env() });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain("the connector's tables are missing in this database");
      expect(result.stderr, args.join(' ')).toContain('run `byte8 migrate` against it first');
    }
    expect(await tables()).toBe(0);
  }, 240_000);

  it('two migrations at once both succeed, once', async () => {
    const [a, b] = await Promise.all([runBinary(['migrate'], { env: env() }), runBinary(['migrate'], { env: env() })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(await tables()).toBeGreaterThanOrEqual(9);
  }, 120_000);

  it.each([
    [['outbox', 'inspect', '--limit', 'abc'], 2, '--limit must be an integer from 1 to 10000; got "abc"'],
    [['outbox', 'inspect', '--limit', '10001'], 2, '--limit must be an integer from 1 to 10000; got "10001"'],
    [['outbox', 'requeue', '--id', '1.5'], 2, '--id must be an integer >= 1; got "1.5"'],
    [['outbox', 'requeue', '--id', '99999999999999999999'], 2, '--id must be an integer >= 1'],
    [['outbox', 'cleanup', '--days', '999999999999'], 1, '--days must be an integer from 1 to 36500; got "999999999999"'],
    [['outbox', 'cleanup', '--days', '-3'], 1, '--days must be an integer from 1 to 36500'],
    [['worker', '--once', '--batch-size', '99999999'], 2, '--batch-size must be an integer from 1 to 10000'],
    [['worker', '--once', '--concurrency', '0'], 2, '--concurrency must be an integer from 1 to 1024'],
    [['worker', '--once', '--no-reconcile', '--batch-size', '5000', '--concurrency', '1'], 2, 'leaseMs (300000 ms) must outlast the longest pass'],
    [['backfill', '--entity', 'invoice', '--page-size', '0'], 2, ''],
    [['--schema', 'Bad-Name', 'status'], 2, 'invalid setting --schema (BYTE8_DB_SCHEMA)'],
    [['--database-url', 'ftp://root@localhost/x', 'status'], 2, 'invalid setting --database-url (BYTE8_DATABASE_URL)'],
    [['--table-prefix', 'Bad-', 'status'], 2, 'invalid setting --table-prefix (BYTE8_DB_TABLE_PREFIX)'],
    [['--table-prefix', 'shop_', 'status'], 2, '`tablePrefix` applies only to MySQL'],
    [['--log-level', 'loud', 'status'], 2, 'invalid setting --log-level (BYTE8_LOG_LEVEL)'],
    [['--allowed-ledger-hosts', ',', 'status'], 2, 'invalid setting --allowed-ledger-hosts (BYTE8_ALLOWED_LEDGER_HOSTS)'],
    [['pair-code', '--provider', 'nope'], 2, '--provider: unknown provider nope'],
    [['outbox', 'held', '--readdress', '--drop'], 2, 'pass at most one of --readdress or --drop'],
    [['outbox', 'held', '--readdress'], 1, 'sage_accounting is not paired: pair it first'],
  ])('%j: exit %i, "%s", nothing changed', async (args, code, message) => {
    const before = await snapshot(database.url);
    const result = await runBinary(args, { env: env() });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
    expect(await snapshot(database.url)).toEqual(before);
  }, 120_000);

  it('two pair-codes at once: each prints a code, exactly one of them is the one that pairs', async () => {
    const [a, b] = await Promise.all([runBinary(['pair-code'], { env: env() }), runBinary(['pair-code'], { env: env() })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const codes = [a.stdout.trim(), b.stdout.trim()];
    expect(codes[0]).not.toBe(codes[1]);
    const storage = await createStorage({ databaseUrl: database.url, migrate: false });
    try {
      const hash = (await storage.connections.get('sage_accounting'))?.pairingCodeHash;
      const matches = codes.filter((c) => createHash('sha256').update(c).digest('hex') === hash);
      expect(matches).toHaveLength(1);
    } finally {
      await storage.close();
    }
  }, 120_000);

  it('disconnect before pairing says so and changes nothing', async () => {
    const before = await snapshot(database.url);
    const result = await runBinary(['disconnect'], { env: env() });
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/not connected|already disconnected/i);
    expect(await snapshot(database.url)).toEqual(before);
  }, 120_000);
});

/** Every row of the connector's state tables, to compare before and after a refused command. */
async function snapshot(url: string): Promise<unknown> {
  const storage = await createStorage({ databaseUrl: url, migrate: false });
  try {
    const read = async (table: string) => {
      const exists = await sql<{ n: string }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${table}`.execute(storage.db);
      if (Number(exists.rows[0]!.n) === 0) return null;
      return (await sql.raw(`SELECT * FROM ${table} ORDER BY 1`).execute(storage.db)).rows;
    };
    return {
      outbox: await read('byte8_event_outbox'),
      connection: await read('byte8_connection'),
      syncState: await read('byte8_entity_sync_state'),
      watermark: await read('byte8_watermark'),
    };
  } finally {
    await storage.close();
  }
}
