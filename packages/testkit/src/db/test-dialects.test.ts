import pg from 'pg';
import { describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { createThrowawayMysqlDatabase } from './throwaway-mysql-database.js';
import { createThrowawayPgDatabase } from './throwaway-pg-database.js';
import { testDialects } from './test-dialects.js';

describe('testDialects', () => {
  it('offers PGlite alone without BYTE8_TEST_PG_URL, and pg as well with it', () => {
    expect(testDialects({}).map((d) => d.name)).toEqual(['pglite']);
    expect(testDialects({ BYTE8_TEST_PG_URL: ' ' }).map((d) => d.name)).toEqual(['pglite']);
    expect(testDialects({ BYTE8_TEST_PG_URL: 'postgres://u@127.0.0.1:1/db' }).map((d) => d.name)).toEqual(['pglite', 'pg']);
  });

  it('offers MySQL only to suites that ask for it, and only with BYTE8_TEST_MYSQL_URL', () => {
    const env = { BYTE8_TEST_MYSQL_URL: 'mysql://root@127.0.0.1:1/test' };
    expect(testDialects(env).map((d) => d.name)).toEqual(['pglite']);
    expect(testDialects(env, { mysql: true }).map((d) => d.name)).toEqual(['pglite', 'mysql']);
    expect(testDialects({ BYTE8_TEST_MYSQL_URL: ' ' }, { mysql: true }).map((d) => d.name)).toEqual(['pglite']);
  });

  it('fails (never skips) when the configured MySQL server is unreachable, without printing the password', async () => {
    const mysqlDialect = testDialects({ BYTE8_TEST_MYSQL_URL: 'mysql://u:secret@127.0.0.1:1/test' }, { mysql: true })[1]!;
    const failure = mysqlDialect.createDatabase();
    await expect(failure).rejects.toThrow(/MySQL at mysql:\/\/u:\*\*\*@127\.0\.0\.1:1\/test is unreachable/);
    await expect(failure).rejects.not.toThrow(/secret/);
  });

  it('fails (never skips) when the configured server is unreachable, without printing the password', async () => {
    const pgDialect = testDialects({ BYTE8_TEST_PG_URL: 'postgres://u:secret@127.0.0.1:1/postgres' })[1]!;
    const failure = pgDialect.createDatabase();
    await expect(failure).rejects.toThrow(/PostgreSQL at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/postgres is unreachable/);
    await expect(failure).rejects.not.toThrow(/secret/);
  });
});

const baseUrl = process.env.BYTE8_TEST_PG_URL;
describe.runIf(baseUrl)('createThrowawayPgDatabase', () => {
  it('creates an empty database and drops it even with a session still open', async () => {
    const database = await createThrowawayPgDatabase(baseUrl!);
    expect(database.name).toMatch(/^byte8_test_[0-9a-f]{12}$/);
    const client = new pg.Client({ connectionString: database.url });
    client.on('error', () => {});
    await client.connect();
    expect((await client.query('SELECT current_database() AS db')).rows[0].db).toBe(database.name);
    await database.drop();
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
    await client.end().catch(() => {});
  });
});

const mysqlBaseUrl = process.env.BYTE8_TEST_MYSQL_URL;
describe.runIf(mysqlBaseUrl)('createThrowawayMysqlDatabase', () => {
  it('creates an empty database with a binary collation and drops it even with a session still open', async () => {
    const database = await createThrowawayMysqlDatabase(mysqlBaseUrl!);
    expect(database.name).toMatch(/^byte8_test_[0-9a-f]{12}$/);
    const session = await mysql.createConnection({ uri: database.url });
    const [rows] = await session.query('SELECT DATABASE() AS db, @@collation_database AS collation');
    expect(rows).toEqual([{ db: database.name, collation: 'utf8mb4_bin' }]);
    await database.drop();
    const admin = await mysql.createConnection({ uri: mysqlBaseUrl! });
    const [left] = await admin.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', [database.name]);
    await admin.end();
    expect(left).toEqual([]);
    await session.end().catch(() => {});
  });
});
