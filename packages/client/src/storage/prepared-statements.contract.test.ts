import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createStorage } from './create-storage.js';
import type { Byte8Storage } from './byte8-storage.js';
import { TENANT_A, dialects, event, useStorage } from './contract-setup.test-helpers.js';

const onPg = dialects.filter((d) => d.name === 'pg');

/** Names of the byte8 statements prepared on the session a one-connection storage runs on. */
async function prepared(storage: Byte8Storage): Promise<string[]> {
  const result = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements WHERE name LIKE 'byte8\\_%' ORDER BY name`.execute(storage.db);
  return result.rows.map((r) => r.name);
}

describe.each(onPg)('prepared enqueue statements on $name', (dialect) => {
  const h = useStorage(dialect);

  it('sends the enqueue as one named statement per SQL text, on a pool of one connection', async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: h.database.url, max: 1 });
    const storage = await createStorage({ pool, migrate: false, clock: h.clock });
    try {
      for (let id = 1; id <= 7; id++) await storage.outbox.enqueue([event({ entityId: id })]);
      const plain = await prepared(storage);
      expect(plain).toHaveLength(1);
      await storage.outbox.enqueue([event({ entityId: 8, upsert: true })]);
      await storage.outbox.enqueueForConnectedTenant!('sage_accounting', [event({ entityId: 9, tenantId: null })]);
      expect(await prepared(storage)).toHaveLength(3);
      // The statements still do their work: seven plain rows and one upsert, none for the unpaired provider.
      expect((await storage.outbox.list({ limit: 100 })).total).toBe(8);
      const claimed = await storage.outbox.claim({ owner: 'w', limit: 100, leaseMs: 60_000, tenants: TENANT_A });
      expect(claimed.map((r) => r.entityId).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await storage.close();
      await pool.end();
    }
  });

  it('prepares nothing with preparedStatements: false, and enqueues the same', async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: h.database.url, max: 1 });
    const storage = await createStorage({ pool, migrate: false, clock: h.clock, preparedStatements: false });
    try {
      const [result] = await storage.outbox.enqueue([event({ entityId: 11 })]);
      expect(result?.outcome).toBe('inserted');
      expect(await prepared(storage)).toEqual([]);
    } finally {
      await storage.close();
      await pool.end();
    }
  });
});

describe('createStorage({ preparedStatements })', () => {
  it('refuses a value that is not a boolean before connecting', async () => {
    await expect(createStorage({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', preparedStatements: 'yes' as never })).rejects.toThrow(
      'createStorage: `preparedStatements` must be a boolean',
    );
  });
});
