import type { XrefScope } from '@byte8/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialects, useStorage } from '../../contract-setup.test-helpers.js';

const mysqlDialect = dialects.find((d) => d.name === 'mysql');
const NORTH: XrefScope = { provider: 'sage_accounting', accountId: 'b'.repeat(32) };

// What only MySQL needs of the cross-reference: the host's own mysql2 transaction, the table prefix,
// and the keys of 0008. entity-xref-store.contract.test.ts runs the shared rules over MySQL too.
describe.runIf(mysqlDialect)('entity cross-reference on MySQL', () => {
  const h = useStorage(mysqlDialect!);
  const truncate = () => sql`TRUNCATE TABLE byte8_entity_xref`.execute(h.storage.db);
  const chip = (entityId: number) =>
    ({ entityType: 'invoice', entityId, provider: 'sage_accounting', status: 'synced', providerEntityId: `inv-${entityId}`, providerReference: null, skipReason: null, errorCode: null, lastSyncAt: h.clock.now() }) as const;

  it('writes the outcome and its sync-state chip in a mysql2 transaction the host passes: rollback drops both, commit keeps both', async () => {
    await truncate();
    const host = await h.mysqlConnection();
    await host.beginTransaction();
    const resolved = await h.storage.entityXrefs.resolve(NORTH, { kind: 'invoice', hostKey: '1', providerId: 'inv-1' }, { transaction: host });
    expect(resolved).toMatchObject({ providerId: 'inv-1', attemptedAt: null });
    expect((await h.storage.syncState.upsertTerminal(chip(1), { transaction: host })).providerEntityId).toBe('inv-1');
    await host.rollback();
    expect(await h.storage.entityXrefs.find(NORTH, 'invoice', '1')).toBeNull();
    expect(await h.storage.syncState.find('invoice', 1, 'sage_accounting')).toBeNull();

    await host.beginTransaction();
    await h.storage.entityXrefs.resolve(NORTH, { kind: 'invoice', hostKey: '1', providerId: 'inv-1' }, { transaction: host });
    await h.storage.syncState.upsertTerminal(chip(1), { transaction: host });
    await host.commit();
    expect((await h.storage.entityXrefs.find(NORTH, 'invoice', '1'))?.providerId).toBe('inv-1');
    expect((await h.storage.syncState.find('invoice', 1, 'sage_accounting'))?.status).toBe('synced');
  });

  it('refuses a pool as the transaction before writing anything', async () => {
    await truncate();
    const pool = { getConnection: () => {} };
    await expect(h.storage.entityXrefs.resolve(NORTH, { kind: 'invoice', hostKey: '2', providerId: 'inv-2' }, { transaction: pool })).rejects.toThrow(/got a pool/);
    await expect(h.storage.syncState.upsertTerminal(chip(2), { transaction: pool })).rejects.toThrow(/got a pool/);
    expect(await h.storage.entityXrefs.find(NORTH, 'invoice', '2')).toBeNull();
    expect(await h.storage.syncState.find('invoice', 2, 'sage_accounting')).toBeNull();
  });

  it('keeps a mark to the millisecond, so the take-over compares it exactly, and a resolve keeps created_at', async () => {
    await truncate();
    h.clock.set('2026-05-01T10:00:00.987Z');
    const mark = await h.storage.entityXrefs.claimAttempt(NORTH, 'invoice', '3', null);
    expect((await h.storage.entityXrefs.find(NORTH, 'invoice', '3'))?.attemptedAt?.toISOString()).toBe('2026-05-01T10:00:00.987Z');
    h.clock.advance(1);
    expect(await h.storage.entityXrefs.claimAttempt(NORTH, 'invoice', '3', new Date(mark!.getTime() + 1))).toBeNull();
    expect(await h.storage.entityXrefs.claimAttempt(NORTH, 'invoice', '3', mark)).toEqual(h.clock.now());
    h.clock.advance(60_000);
    const resolved = await h.storage.entityXrefs.resolve(NORTH, { kind: 'invoice', hostKey: '3', providerId: 'inv-3' });
    expect(resolved.updatedAt).toEqual(h.clock.now());
    const created = await sql<{ created_at: Date }>`SELECT created_at FROM byte8_entity_xref WHERE host_key = '3'`.execute(h.storage.db);
    expect(created.rows[0]?.created_at.toISOString()).toBe('2026-05-01T10:00:00.987Z');
  });

  it('takes over a mark within the same millisecond, as on PostgreSQL (a matched row counts, changed or not)', async () => {
    await truncate();
    const mark = await h.storage.entityXrefs.claimAttempt(NORTH, 'invoice', '5', null);
    expect(await h.storage.entityXrefs.claimAttempt(NORTH, 'invoice', '5', mark)).toEqual(mark);
  });

  it('keeps each prefixed storage to its own table', async () => {
    await truncate();
    const shop = await h.open({ tablePrefix: 'xref_' });
    await shop.entityXrefs.resolve(NORTH, { kind: 'invoice', hostKey: '4', providerId: 'shop-inv' });
    expect(await h.storage.entityXrefs.find(NORTH, 'invoice', '4')).toBeNull();
    expect((await shop.entityXrefs.find(NORTH, 'invoice', '4'))?.providerId).toBe('shop-inv');
    expect(await shop.entityXrefs.forget(NORTH, 'invoice', '4')).toBe(true);
  });

  it('has the keys of the PostgreSQL 0008: the host entity as primary key, the reverse look-up index', async () => {
    const keys = await sql<{ name: string; columns: string }>`
      SELECT index_name AS name, GROUP_CONCAT(column_name ORDER BY seq_in_index) AS columns
      FROM information_schema.statistics
      WHERE table_schema = DATABASE() AND table_name = 'byte8_entity_xref' GROUP BY index_name ORDER BY index_name
    `.execute(h.storage.db);
    expect(keys.rows).toEqual([
      { name: 'byte8_entity_xref_provider_id_idx', columns: 'provider,account_id,provider_id' },
      { name: 'PRIMARY', columns: 'provider,account_id,kind,host_key' },
    ]);
  });
});
