import type { PGlite } from '@electric-sql/pglite';
import { createMemoryPglite } from './memory-pglite.js';
import { createThrowawayPgDatabase } from './throwaway-pg-database.js';

/** A database for one test file, on one dialect. */
export type TestDatabase =
  | { readonly dialect: 'pglite'; readonly pglite: PGlite; drop(): Promise<void> }
  | { readonly dialect: 'pg'; readonly url: string; drop(): Promise<void> };

export interface TestDialect {
  readonly name: 'pglite' | 'pg';
  /** Creates a throwaway database (a fresh in-memory PGlite, or a new pg database). */
  createDatabase(): Promise<TestDatabase>;
}

/** Environment variable naming the PostgreSQL server the pg store tests run against. */
export const TEST_PG_URL_VARIABLE = 'BYTE8_TEST_PG_URL';

/**
 * The dialects store tests run over: PGlite always, pg when
 * `BYTE8_TEST_PG_URL` is set. With the variable set, an unreachable server
 * makes `createDatabase()` throw, so the pg tests fail instead of skipping.
 *
 * @example
 * describe.each(testDialects())('outbox on $name', (dialect) => {
 *   let db: TestDatabase;
 *   beforeAll(async () => { db = await dialect.createDatabase(); });
 *   afterAll(() => db.drop());
 * });
 */
export function testDialects(env: Readonly<Record<string, string | undefined>> = process.env): TestDialect[] {
  const dialects: TestDialect[] = [
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
  return dialects;
}
