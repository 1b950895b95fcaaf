import type { TerminalSyncUpdate } from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { dialects, useStorage } from './contract-setup.test-helpers.js';

const P = 'sage_accounting';

describe.each(dialects)('sync-state mirror on $name', (dialect) => {
  const h = useStorage(dialect);
  const terminal = (entityId: number, overrides: Partial<TerminalSyncUpdate> = {}): TerminalSyncUpdate => ({
    entityType: 'invoice',
    entityId,
    provider: P,
    status: 'synced',
    providerEntityId: `sage-${entityId}`,
    providerReference: null,
    skipReason: null,
    errorCode: null,
    lastSyncAt: new Date('2026-04-30T12:00:00Z'),
    ...overrides,
  });

  it('markPending inserts pending, then only moves last_sync_at', async () => {
    await h.storage.syncState.markPending('invoice', 1, P);
    expect(await h.storage.syncState.find('invoice', 1, P)).toEqual({
      entityType: 'invoice', entityId: 1, provider: P, status: 'pending',
      providerEntityId: null, providerReference: null, skipReason: null, errorCode: null, message: null, lastSyncAt: h.clock.now(),
    });
    await h.storage.syncState.upsertTerminal(terminal(1, { status: 'skipped', providerEntityId: null, skipReason: 'zero_value_invoice' }));
    h.clock.advance(60_000);
    await h.storage.syncState.markPending('invoice', 1, P);
    expect(await h.storage.syncState.find('invoice', 1, P)).toMatchObject({ status: 'skipped', skipReason: 'zero_value_invoice', lastSyncAt: h.clock.now() });
  });

  it('upsertTerminal always overwrites, nulls clearing earlier values', async () => {
    await h.storage.syncState.upsertTerminal(terminal(1, { status: 'failed', providerEntityId: null, errorCode: 'validation' }));
    const record = await h.storage.syncState.upsertTerminal(terminal(1));
    expect(record).toMatchObject({ status: 'synced', providerEntityId: 'sage-1', errorCode: null, lastSyncAt: new Date('2026-04-30T12:00:00Z') });
    expect(await h.storage.syncState.find('invoice', 1, P)).toEqual(record);
  });

  it('keeps entity types and providers apart', async () => {
    await h.storage.syncState.upsertTerminal(terminal(1));
    expect(await h.storage.syncState.find('creditmemo', 1, P)).toBeNull();
    expect(await h.storage.syncState.find('invoice', 1, 'xero')).toBeNull();
  });

  it('findMany returns the rows that exist', async () => {
    await h.storage.syncState.markPending('invoice', 3, P);
    await h.storage.syncState.upsertTerminal(terminal(1));
    const rows = await h.storage.syncState.findMany('invoice', [1, 2, 3], P);
    expect(rows.map((r) => [r.entityId, r.status])).toEqual([[1, 'synced'], [3, 'pending']]);
    expect(await h.storage.syncState.findMany('invoice', [], P)).toEqual([]);
  });

  it('lists with status filter, four sort orders, paging and the total', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 3, 30, 12, minute));
    await h.storage.syncState.upsertTerminal(terminal(10, { lastSyncAt: at(3) }));
    await h.storage.syncState.upsertTerminal(terminal(20, { lastSyncAt: at(1), status: 'failed', errorCode: 'auth' }));
    await h.storage.syncState.upsertTerminal(terminal(30, { lastSyncAt: at(2) }));
    await h.storage.syncState.upsertTerminal(terminal(40, { lastSyncAt: at(4) }));
    await h.storage.syncState.upsertTerminal(terminal(50, { provider: 'xero' }));
    const ids = async (query: Partial<Parameters<typeof h.storage.syncState.list>[0]>) =>
      (await h.storage.syncState.list({ entityType: 'invoice', provider: P, ...query })).rows.map((r) => r.entityId);

    expect(await ids({})).toEqual([40, 10, 30, 20]);
    expect(await ids({ sort: 'last_sync_at_asc' })).toEqual([20, 30, 10, 40]);
    expect(await ids({ sort: 'entity_id_desc' })).toEqual([40, 30, 20, 10]);
    expect(await ids({ sort: 'entity_id_asc' })).toEqual([10, 20, 30, 40]);
    expect(await ids({ status: 'synced', sort: 'entity_id_asc' })).toEqual([10, 30, 40]);
    expect(await ids({ status: 'pending' })).toEqual([]);
    const page = await h.storage.syncState.list({ entityType: 'invoice', provider: P, sort: 'entity_id_asc', limit: 2, offset: 2 });
    expect(page.rows.map((r) => r.entityId)).toEqual([30, 40]);
    expect(page.total).toBe(4);
    const filtered = await h.storage.syncState.list({ entityType: 'invoice', provider: P, status: 'synced', limit: 1 });
    expect(filtered.total).toBe(3);
  });

  it('keeps the ledger’s message with a failure and clears it with the next callback that has none', async () => {
    await h.storage.syncState.upsertTerminal(terminal(1, { status: 'failed', providerEntityId: null, errorCode: 'validation', message: 'Contact has no email.' }));
    expect(await h.storage.syncState.find('invoice', 1, P)).toMatchObject({ status: 'failed', errorCode: 'validation', message: 'Contact has no email.' });
    await h.storage.syncState.upsertTerminal(terminal(1));
    expect(await h.storage.syncState.find('invoice', 1, P)).toMatchObject({ status: 'synced', message: null });
    await expect(h.storage.syncState.upsertTerminal(terminal(1, { message: 'x'.repeat(501) }))).rejects.toThrow(/`message` must be null or a string of at most 500/);
  });

  it('resetToPending makes a failed row pending, clears its reasons, keeps the provider ids and returns the old row', async () => {
    const failed = await h.storage.syncState.upsertTerminal(
      terminal(1, { status: 'failed', providerEntityId: 'sage-1', errorCode: 'provider', message: 'Sage said no.' }),
    );
    h.clock.advance(60_000);
    expect(await h.storage.syncState.resetToPending('invoice', 1, P)).toEqual(failed);
    expect(await h.storage.syncState.find('invoice', 1, P)).toEqual({
      ...failed, status: 'pending', errorCode: null, skipReason: null, message: null, lastSyncAt: h.clock.now(),
    });
    // A document the mirror never saw gets a pending row; there was nothing before.
    expect(await h.storage.syncState.resetToPending('invoice', 2, P)).toBeNull();
    expect(await h.storage.syncState.find('invoice', 2, P)).toMatchObject({ status: 'pending' });
  });

  it('restore puts the old row back, or removes one that did not exist', async () => {
    const failed = await h.storage.syncState.upsertTerminal(terminal(1, { status: 'failed', providerEntityId: null, errorCode: 'auth', message: 'm' }));
    const previous = await h.storage.syncState.resetToPending('invoice', 1, P);
    await h.storage.syncState.restore('invoice', 1, P, previous);
    expect(await h.storage.syncState.find('invoice', 1, P)).toEqual(failed);
    await h.storage.syncState.resetToPending('invoice', 9, P);
    await h.storage.syncState.restore('invoice', 9, P, null);
    expect(await h.storage.syncState.find('invoice', 9, P)).toBeNull();
  });

  it('sorts by status with problems first (status_asc) or last (status_desc), newest first within a status', async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 3, 30, 12, minute));
    await h.storage.syncState.upsertTerminal(terminal(1, { lastSyncAt: at(1) }));
    await h.storage.syncState.upsertTerminal(terminal(2, { status: 'failed', errorCode: 'auth', lastSyncAt: at(2) }));
    await h.storage.syncState.upsertTerminal(terminal(3, { status: 'skipped', skipReason: 'zero_value_invoice', lastSyncAt: at(3) }));
    await h.storage.syncState.upsertTerminal(terminal(4, { status: 'failed', errorCode: 'auth', lastSyncAt: at(4) }));
    await h.storage.syncState.markPending('invoice', 5, P);
    const ids = async (sort: 'status_asc' | 'status_desc') =>
      (await h.storage.syncState.list({ entityType: 'invoice', provider: P, sort })).rows.map((r) => r.entityId);
    expect(await ids('status_asc')).toEqual([4, 2, 3, 5, 1]);
    expect(await ids('status_desc')).toEqual([1, 5, 3, 4, 2]);
  });

  it('rejects bad input with the field name and writes nothing', async () => {
    await expect(h.storage.syncState.markPending('order' as never, 1, P)).rejects.toThrow(/`entityType`/);
    await expect(h.storage.syncState.markPending('invoice', 0, P)).rejects.toThrow(/`entityId`/);
    await expect(h.storage.syncState.upsertTerminal(terminal(1, { status: 'pending' as never }))).rejects.toThrow(/`status`/);
    await expect(h.storage.syncState.upsertTerminal(terminal(1, { skipReason: 'x'.repeat(65) }))).rejects.toThrow(/`skipReason`/);
    await expect(h.storage.syncState.list({ entityType: 'invoice', provider: P, sort: 'random' as never })).rejects.toThrow(/`sort`/);
    expect((await h.storage.syncState.list({ entityType: 'invoice', provider: P })).total).toBe(0);
  });
});
