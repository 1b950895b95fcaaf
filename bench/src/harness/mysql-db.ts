import { type Byte8Storage, createStorage } from '@byte8/client';
import { createThrowawayMysqlDatabase } from '@byte8/testkit';
import type { BenchDb } from './pg-db.js';
import { type BenchTenant, pair } from './tenant.js';

/** The MySQL/MariaDB server the MySQL figures use: BYTE8_BENCH_MYSQL_URL, else the local MariaDB. */
export const MYSQL_BENCH_URL = process.env.BYTE8_BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** A throwaway MySQL database with the connector's tables, paired with a tenant (the storage keeps its own pool of 10). */
export async function openMysqlBenchDb(mysqlUrl: string, tenant: BenchTenant | null): Promise<BenchDb & { readonly storage: Byte8Storage }> {
  const database = await createThrowawayMysqlDatabase(mysqlUrl);
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
