import { type Byte8Storage, createStorage } from '@byte8/client';
import { createThrowawayPgDatabase } from '@byte8/testkit';
import { type BenchTenant, pair } from './tenant.js';

/** A throwaway PostgreSQL database with the connector's schema, paired with a tenant. */
export interface BenchDb {
  readonly url: string;
  readonly storage: Byte8Storage;
  drop(): Promise<void>;
}

export async function openBenchDb(pgUrl: string, tenant: BenchTenant | null): Promise<BenchDb> {
  const database = await createThrowawayPgDatabase(pgUrl);
  const storage = await createStorage({ databaseUrl: database.url });
  if (tenant) await pair(storage, tenant);
  return {
    url: database.url,
    storage,
    async drop() {
      await storage.close().catch(() => {});
      await database.drop();
    },
  };
}
