import { type Byte8Storage, createStorage } from '@byte8/client';
import { createThrowawayPgDatabase } from '@byte8/testkit';
import pg from 'pg';
import { type BenchTenant, pair } from './tenant.js';

/** A throwaway PostgreSQL database with the connector's schema, paired with a tenant. */
export interface BenchDb {
  readonly url: string;
  readonly storage: Byte8Storage;
  drop(): Promise<void>;
}

/**
 * Opens a throwaway database on `pgUrl`. `poolSize` is the storage's
 * connection count (pg's default is 10; a load of 16 clients needs more).
 */
export async function openBenchDb(pgUrl: string, tenant: BenchTenant | null, poolSize = 10): Promise<BenchDb> {
  const database = await createThrowawayPgDatabase(pgUrl);
  const pool = new pg.Pool({ connectionString: database.url, max: poolSize });
  // The storage leaves a pool it was given to its owner, including idle clients the server drops.
  pool.on('error', () => {});
  const storage = await createStorage({ pool });
  if (tenant) await pair(storage, tenant);
  return {
    url: database.url,
    storage,
    async drop() {
      await storage.close().catch(() => {});
      await pool.end();
      await database.drop();
    },
  };
}
