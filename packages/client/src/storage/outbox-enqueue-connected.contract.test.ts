import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialects, event, useStorage } from './contract-setup.test-helpers.js';

// MySQL's store has no folded enqueue (the publisher reads the connection first there).
const folded = dialects.filter((d) => d.name !== 'mysql');

describe.each(folded)('outbox enqueue addressed to the connected tenant on $name', (dialect) => {
  const h = useStorage(dialect);
  const provider = 'sage_accounting';

  async function connect(tenantId: string): Promise<void> {
    await h.storage.connections.setPairingCode(provider, 'a'.repeat(64), h.clock.now());
    const paired = await h.storage.connections.completePairing(
      provider,
      'a'.repeat(64),
      { tenantId, encryptedMasterKey: 'sealed-key', ledgerBaseUrl: 'https://ledger.example' },
      h.clock.now(),
    );
    expect(paired).toBe(true);
  }

  const enqueue = (...args: Parameters<NonNullable<typeof h.storage.outbox.enqueueForConnectedTenant>>) =>
    h.storage.outbox.enqueueForConnectedTenant!(...args);
  const rows = async () => (await h.storage.outbox.list({})).rows;

  it('addresses the rows to the tenant the provider is connected to, whatever the events carry', async () => {
    await connect('tenant-now');
    const results = await enqueue(provider, [event({ tenantId: null }), event({ entityId: 43, tenantId: 'stale-tenant' })]);
    expect(results?.map((r) => r.outcome)).toEqual(['inserted', 'inserted']);
    expect((await rows()).map((r) => r.tenantId)).toEqual(['tenant-now', 'tenant-now']);
    expect(await h.storage.syncState.find('invoice', 42, provider)).toMatchObject({ status: 'pending' });
  });

  it('follows a re-pair: later events go to the new tenant, earlier rows keep theirs', async () => {
    await connect('tenant-one');
    await enqueue(provider, [event({ tenantId: null })]);
    await h.storage.connections.clearCredentials(provider);
    await connect('tenant-two');
    await enqueue(provider, [event({ entityId: 43, tenantId: null })]);
    const addressed = (await rows()).map((r) => [r.entityId, r.tenantId]).sort();
    expect(addressed).toEqual([
      [42, 'tenant-one'],
      [43, 'tenant-two'],
    ]);
  });

  it('returns null and writes nothing (no outbox row, no mirror row) when the provider is not connected', async () => {
    expect(await enqueue(provider, [event({ tenantId: null })])).toBeNull();
    await h.storage.connections.setPairingCode(provider, 'b'.repeat(64), h.clock.now());
    expect(await enqueue(provider, [event({ tenantId: null })])).toBeNull();
    await connect('tenant-gone');
    await h.storage.connections.clearCredentials(provider);
    expect(await enqueue(provider, [event({ tenantId: null, upsert: true })])).toBeNull();
    expect(await rows()).toEqual([]);
    expect(await h.storage.syncState.find('invoice', 42, provider)).toBeNull();
  });

  it('treats a stored tenant without a master key as not connected, as the publisher always has', async () => {
    // Pairing refuses an empty key; an older row or a hand edit could still hold one.
    await sql`INSERT INTO byte8_connection (provider, tenant_id, encrypted_master_key) VALUES (${provider}, 'tenant-a', '')`.execute(h.storage.db);
    expect(await enqueue(provider, [event({ tenantId: null })])).toBeNull();
    expect(await rows()).toEqual([]);
  });

  it('keeps upsert semantics: a pending row absorbs the next event of the same entity', async () => {
    await connect('tenant-a');
    const [first] = (await enqueue(provider, [event({ tenantId: null, upsert: true })]))!;
    const [second] = (await enqueue(provider, [event({ tenantId: null, upsert: true, body: '{"v":2}' })]))!;
    expect(second).toEqual({ outcome: 'coalesced', idempotencyKey: first!.idempotencyKey, id: first!.id });
    expect(await rows()).toHaveLength(1);
  });

  it('refuses an event of another provider, or a bad event, with a clear error and writes nothing', async () => {
    await connect('tenant-a');
    await expect(enqueue(provider, [event({ tenantId: null }), event({ provider: 'xero', tenantId: null })])).rejects.toThrow(
      /event 1: `provider` must be "sage_accounting"/,
    );
    await expect(enqueue(provider, [event({ tenantId: null, entityId: -1 })])).rejects.toThrow(/entityId/);
    await expect(enqueue(provider, 'not an array' as never)).rejects.toThrow(/must be an array/);
    expect(await rows()).toEqual([]);
    expect(await enqueue(provider, [])).toEqual([]);
  });

  it('reads the connection through the host transaction and rolls back with it', async () => {
    await h.storage.db.transaction().execute(async (trx) => {
      // Paired inside the transaction: only a read through it sees the tenant.
      await sql`INSERT INTO byte8_connection (provider, tenant_id, encrypted_master_key) VALUES (${provider}, 'tenant-tx', 'sealed')`.execute(trx);
      const results = await enqueue(provider, [event({ tenantId: null })], { transaction: trx });
      expect(results?.[0]?.outcome).toBe('inserted');
    });
    expect((await rows()).map((r) => r.tenantId)).toEqual(['tenant-tx']);
    await expect(
      h.storage.db.transaction().execute(async (trx) => {
        await enqueue(provider, [event({ entityId: 43, tenantId: null })], { transaction: trx });
        throw new Error('host rolls back');
      }),
    ).rejects.toThrow('host rolls back');
    expect((await rows()).map((r) => r.entityId)).toEqual([42]);
  });
});
