import type { EntityXrefStore, XrefScope } from '@byte8/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialects, useStorage } from './contract-setup.test-helpers.js';

const NORTH: XrefScope = { provider: 'sage_accounting', accountId: 'b'.repeat(32) };
const SOUTH: XrefScope = { provider: 'sage_accounting', accountId: 'c'.repeat(32) };

describe.each(dialects)('entity cross-reference store on $name', (dialect) => {
  const h = useStorage(dialect);
  const store = (): EntityXrefStore => h.storage.entityXrefs;
  const truncate = () => sql`TRUNCATE byte8_entity_xref`.execute(h.storage.db);

  it('records an attempt, then resolves it with the provider id; a retry sees which it is', async () => {
    await truncate();
    expect(await store().find(NORTH, 'invoice', '42')).toBeNull();
    const mark = await store().claimAttempt(NORTH, 'invoice', '42', null);
    expect(mark).toEqual(h.clock.now());
    expect(await store().find(NORTH, 'invoice', '42')).toMatchObject({ kind: 'invoice', hostKey: '42', providerId: null, attemptedAt: mark });
    h.clock.advance(5_000);
    const resolved = await store().resolve(NORTH, { kind: 'invoice', hostKey: '42', providerId: 'inv-uuid', reference: 'SI-1', contactId: 'contact-uuid' });
    expect(resolved).toMatchObject({ providerId: 'inv-uuid', reference: 'SI-1', contactId: 'contact-uuid', family: null, attemptedAt: null });
    expect(await store().find(NORTH, 'invoice', '42')).toEqual(resolved);
  });

  it('lets one worker claim a create; a stale mark is taken over only by compare-and-swap', async () => {
    await truncate();
    const first = await store().claimAttempt(NORTH, 'invoice', '1', null);
    expect(first).not.toBeNull();
    // A second worker that saw no row loses: the first one's create is in flight.
    expect(await store().claimAttempt(NORTH, 'invoice', '1', null)).toBeNull();
    h.clock.advance(60_000);
    // The first one crashed; a retry that looked the invoice up in Sage and found nothing takes over.
    const second = await store().claimAttempt(NORTH, 'invoice', '1', first);
    expect(second).toEqual(h.clock.now());
    expect(await store().claimAttempt(NORTH, 'invoice', '1', first)).toBeNull();
  });

  it('never lets an attempt mark a resolved row uncertain again', async () => {
    await truncate();
    await store().resolve(NORTH, { kind: 'contact', hostKey: '5:GBP', providerId: 'c-1', reference: 'M5' });
    h.clock.advance(60_000);
    expect(await store().claimAttempt(NORTH, 'contact', '5:GBP', null)).toBeNull();
    expect(await store().find(NORTH, 'contact', '5:GBP')).toMatchObject({ providerId: 'c-1', attemptedAt: null });
  });

  it('releases only its own unresolved mark (Sage certainly did not apply the create)', async () => {
    await truncate();
    const mark = (await store().claimAttempt(NORTH, 'invoice', '3', null))!;
    await store().releaseAttempt(NORTH, 'invoice', '3', new Date(mark.getTime() - 1));
    expect(await store().find(NORTH, 'invoice', '3')).not.toBeNull();
    await store().releaseAttempt(NORTH, 'invoice', '3', mark);
    expect(await store().find(NORTH, 'invoice', '3')).toBeNull();
    await store().resolve(NORTH, { kind: 'invoice', hostKey: '4', providerId: 'inv-4' });
    await store().releaseAttempt(NORTH, 'invoice', '4', mark);
    expect((await store().find(NORTH, 'invoice', '4'))?.providerId).toBe('inv-4');
  });

  it('keeps businesses apart: another business starts fresh (spec d.11)', async () => {
    await truncate();
    await store().resolve(NORTH, { kind: 'invoice', hostKey: '42', providerId: 'north-inv' });
    expect(await store().find(SOUTH, 'invoice', '42')).toBeNull();
    expect(await store().find({ ...NORTH, provider: 'xero' }, 'invoice', '42')).toBeNull();
  });

  it('lists one customer per currency by prefix, without treating _ or % as wildcards', async () => {
    await truncate();
    for (const [key, id] of [['5:GBP', 'a'], ['5:EUR', 'b'], ['55:GBP', 'c'], ['5_:GBP', 'd']] as const) {
      await store().resolve(NORTH, { kind: 'contact', hostKey: key, providerId: id });
    }
    expect((await store().listByPrefix(NORTH, 'contact', '5:')).map((x) => x.providerId)).toEqual(['b', 'a']);
    expect((await store().listByPrefix(NORTH, 'contact', '5_')).map((x) => x.providerId)).toEqual(['d']);
  });

  it('joins a transaction: a rolled-back outcome leaves the attempt mark in place', async () => {
    await truncate();
    await store().claimAttempt(NORTH, 'invoice', '7', null);
    await expect(
      h.storage.db.transaction().execute(async (trx) => {
        await store().resolve(NORTH, { kind: 'invoice', hostKey: '7', providerId: 'inv-7' }, { transaction: trx });
        expect((await store().find(NORTH, 'invoice', '7', { transaction: trx }))?.providerId).toBe('inv-7');
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await store().find(NORTH, 'invoice', '7')).toMatchObject({ providerId: null });
  });

  it('commits the outcome and its sync-state chip together, or neither', async () => {
    await truncate();
    const update = { entityType: 'invoice', entityId: 8, provider: 'sage_accounting', status: 'synced', providerEntityId: 'inv-8', providerReference: 'SI-8', skipReason: null, errorCode: null, lastSyncAt: h.clock.now() } as const;
    await expect(
      h.storage.db.transaction().execute(async (trx) => {
        await store().resolve(NORTH, { kind: 'invoice', hostKey: '8', providerId: 'inv-8' }, { transaction: trx });
        await h.storage.syncState.upsertTerminal(update, { transaction: trx });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await store().find(NORTH, 'invoice', '8')).toBeNull();
    expect(await h.storage.syncState.find('invoice', 8, 'sage_accounting')).toBeNull();
    await h.storage.db.transaction().execute(async (trx) => {
      await store().resolve(NORTH, { kind: 'invoice', hostKey: '8', providerId: 'inv-8' }, { transaction: trx });
      await h.storage.syncState.upsertTerminal(update, { transaction: trx });
    });
    expect((await store().find(NORTH, 'invoice', '8'))?.providerId).toBe('inv-8');
    expect(await h.storage.syncState.find('invoice', 8, 'sage_accounting')).toMatchObject({ status: 'synced', providerReference: 'SI-8' });
  });

  it('forgets a row (an operator forcing a re-post)', async () => {
    await truncate();
    await store().resolve(NORTH, { kind: 'product', hostKey: '9', providerId: 'p-9', family: 'stock_items' });
    expect(await store().forget(NORTH, 'product', '9')).toBe(true);
    expect(await store().forget(NORTH, 'product', '9')).toBe(false);
    expect(await store().find(NORTH, 'product', '9')).toBeNull();
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    await truncate();
    await expect(store().claimAttempt(NORTH, '', '1', null)).rejects.toThrow('`kind` must be a string of 1 to 32 characters');
    await expect(store().claimAttempt(NORTH, 'invoice', 'x'.repeat(129), null)).rejects.toThrow('`hostKey` must be a string of 1 to 128');
    await expect(store().claimAttempt({ provider: 'sage_accounting', accountId: 42 as unknown as string }, 'invoice', '1', null)).rejects.toThrow('`accountId`');
    await expect(store().claimAttempt(NORTH, 'invoice', '1', 'yesterday' as unknown as Date)).rejects.toThrow('`previous`');
    await expect(store().resolve(NORTH, { kind: 'invoice', hostKey: '1', providerId: '' })).rejects.toThrow('`providerId`');
    await expect(store().resolve(NORTH, { kind: 'invoice', hostKey: '1', providerId: 'ok', reference: 'r'.repeat(65) })).rejects.toThrow('`reference`');
    await expect(store().find(null as unknown as XrefScope, 'invoice', '1')).rejects.toThrow('`scope`');
    const count = await sql<{ n: string }>`SELECT count(*) AS n FROM byte8_entity_xref`.execute(h.storage.db);
    expect(Number(count.rows[0]!.n)).toBe(0);
  });

  it('gives a racing first claim to exactly one worker', async () => {
    await truncate();
    const other = await h.open();
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? other : h.storage).entityXrefs.claimAttempt(NORTH, 'invoice', '99', null)));
    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
    await h.storage.entityXrefs.resolve(NORTH, { kind: 'invoice', hostKey: '99', providerId: 'one' });
    const rows = await sql<{ n: string }>`SELECT count(*) AS n FROM byte8_entity_xref WHERE host_key = '99'`.execute(h.storage.db);
    expect(Number(rows.rows[0]!.n)).toBe(1);
    expect((await store().find(NORTH, 'invoice', '99'))?.providerId).toBe('one');
  });
});
