import { loadStorageApi } from '../../connector/client-api.js';

interface MigrationArgs {
  readonly options?: { readonly database?: { readonly clientUrl?: string }; readonly schema?: unknown };
}

/**
 * Medusa calls this from `medusa db:migrate` (and the test runner) in place
 * of MikroORM migrations: it runs the connector's own migrations on Medusa's
 * database, so the merchant needs no extra step. Idempotent.
 */
export async function runByte8Migrations({ options }: MigrationArgs = {}): Promise<Array<{ name: string }>> {
  const databaseUrl = options?.database?.clientUrl;
  if (!databaseUrl) throw new Error('byte8: no database URL reached the module migration');
  const client = await loadStorageApi();
  const schema = typeof options?.schema === 'string' ? options.schema : undefined;
  const storage = await client.createStorage({ databaseUrl, ...(schema ? { schema } : {}) });
  try {
    await storage.migrate();
  } finally {
    await storage.close();
  }
  return [{ name: 'byte8_connector' }];
}
