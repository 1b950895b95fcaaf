import type { PGlite } from '@electric-sql/pglite';
import { createMemoryPglite } from './memory-pglite.js';
import { createThrowawayMysqlDatabase } from './throwaway-mysql-database.js';
import { createThrowawayPgDatabase } from './throwaway-pg-database.js';

/** A database for one test file, on one of the PostgreSQL dialects. */
export type TestDatabase =
  | { readonly dialect: 'pglite'; readonly pglite: PGlite; drop(): Promise<void> }
  | { readonly dialect: 'pg'; readonly url: string; drop(): Promise<void> };

/** A database for one test file on any dialect, MySQL included. */
export type AnyTestDatabase = TestDatabase | { readonly dialect: 'mysql'; readonly url: string; drop(): Promise<void> };

export interface TestDialect<Database extends AnyTestDatabase = TestDatabase> {
  readonly name: Database['dialect'];
  /** Creates a throwaway database (a fresh in-memory PGlite, or a new pg or MySQL database). */
  createDatabase(): Promise<Database>;
}

/** Environment variable naming the PostgreSQL server the pg store tests run against. */
export const TEST_PG_URL_VARIABLE = 'BYTE8_TEST_PG_URL';

/** Environment variable naming the MySQL/MariaDB server (`mysql://...`) the MySQL store tests run against. */
export const TEST_MYSQL_URL_VARIABLE = 'BYTE8_TEST_MYSQL_URL';

export interface TestDialectOptions {
  /**
   * Also offer MySQL when `BYTE8_TEST_MYSQL_URL` is set. Opt-in: only suites
   * whose storage is opened by URL (the store contracts, the outbound
   * end-to-end tests, the CLI) can run over it.
   */
  readonly mysql?: boolean;
}

/**
 * The dialects store tests run over: PGlite always, pg when
 * `BYTE8_TEST_PG_URL` is set. With the variable set, an unreachable server
 * makes `createDatabase()` throw, so the pg tests fail instead of skipping.
 * With `{ mysql: true }`, MySQL too when `BYTE8_TEST_MYSQL_URL` is set (same rule).
 *
 * @example
 * describe.each(testDialects())('outbox on $name', (dialect) => {
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await dialect.createDatabase(); });
 *   afterAll(() => db.drop());
 * });
 */
export function testDialects(env?: Readonly<Record<string, string | undefined>>): TestDialect[];
export function testDialects(env: Readonly<Record<string, string | undefined>>, options: TestDialectOptions): TestDialect<AnyTestDatabase>[];
export function testDialects(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: TestDialectOptions = {},
): TestDialect<AnyTestDatabase>[] {
  const dialects: TestDialect<AnyTestDatabase>[] = [
    {
      name: 'pglite',
      async createDatabase() {
        const pglite = await createMemoryPglite();
        return {
          dialect: 'pglite',
          pglite,
          async drop() {
            if (!pglite.closed) await pglite.close();
          },
        };
      },
    },
  ];
  const pgUrl = env[TEST_PG_URL_VARIABLE]?.trim();
  if (pgUrl) {
    dialects.push({
      name: 'pg',
      async createDatabase() {
        const database = await createThrowawayPgDatabase(pgUrl);
        return { dialect: 'pg', url: database.url, drop: () => database.drop() };
      },
    });
  }
  const mysqlUrl = options.mysql ? env[TEST_MYSQL_URL_VARIABLE]?.trim() : undefined;
  if (mysqlUrl) {
    dialects.push({
      name: 'mysql',
      async createDatabase() {
        const database = await createThrowawayMysqlDatabase(mysqlUrl);
        return { dialect: 'mysql', url: database.url, drop: () => database.drop() };
      },
    });
  }
  return dialects;
}
