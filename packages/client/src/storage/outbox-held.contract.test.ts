import { describe, expect, it } from 'vitest';
import { TENANT_A, dialects, event, useStorage } from './contract-setup.test-helpers.js';

const LEASE = { owner: 'worker-1', limit: 10, leaseMs: 30_000, tenants: TENANT_A };
const OLD = 'tenant-old';
const customer = (tenantId: string) =>
  event({ entityId: 7, entityType: 'customer', eventName: 'customer.upserted', idempotencyKey: 'customer.upserted:7', upsert: true, tenantId });

/**
 * Rows enqueued for a previous tenant (design §5: held, never sent to the
 * wrong tenant) must neither block nor absorb the current tenant's rows, and
 * an operator must be able to see them and act on them.
 */
describe.each(dialects)('outbox rows held for a previous tenant on $name', (dialect) => {
  const h = useStorage(dialect);

  it("does not hold the current tenant's row behind a held row of the same entity", async () => {
    await h.storage.outbox.enqueue([event({ entityId: 30, tenantId: OLD })]);
    await h.storage.outbox.enqueue([event({ entityId: 30, eventName: 'invoice.paid' })]);
    const claimed = await h.storage.outbox.claim(LEASE);
    expect(claimed.map((r) => [r.eventName, r.tenantId])).toEqual([['invoice.paid', 'tenant-a']]);
  });

  it("does not coalesce the current tenant's upsert into a held row", async () => {
    const [held] = await h.storage.outbox.enqueue([customer(OLD)]);
    const [current] = await h.storage.outbox.enqueue([customer('tenant-a')]);
    expect(current).toMatchObject({ outcome: 'inserted', idempotencyKey: 'customer.upserted:7:v2' });
    expect(current!.id).not.toBe(held!.id);
    expect((await h.storage.outbox.claim(LEASE)).map((r) => r.idempotencyKey)).toEqual(['customer.upserted:7:v2']);
    // The current tenant's own pending row still absorbs its later saves.
    const [again] = await h.storage.outbox.enqueue([customer('tenant-a')]);
    expect(again).toMatchObject({ outcome: 'coalesced', id: current!.id });
  });

  it('counts held rows per provider against the current tenants, ignoring delivered rows', async () => {
    await h.storage.outbox.enqueue([
      event({ entityId: 1, tenantId: OLD }),
      event({ entityId: 2, tenantId: 'tenant-older' }),
      event({ entityId: 3 }),
      event({ entityId: 4, provider: 'xero', tenantId: OLD }),
    ]);
    const held = await h.storage.outbox.heldCounts([
      { provider: 'sage_accounting', tenantId: 'tenant-a' },
      { provider: 'xero', tenantId: OLD },
    ]);
    expect(held).toEqual([{ provider: 'sage_accounting', count: 2, tenants: ['tenant-old', 'tenant-older'] }]);
    expect(await h.storage.outbox.heldCounts([])).toEqual([]);
  });

  it('re-addresses held rows to the current tenant, keeping their order behind older rows of the entity', async () => {
    const [created] = await h.storage.outbox.enqueue([event({ entityId: 30, tenantId: OLD })]);
    await h.storage.outbox.enqueue([event({ entityId: 30, eventName: 'invoice.paid' })]);
    expect(await h.storage.outbox.resolveHeld('sage_accounting', 'tenant-a', 'readdress')).toBe(1);
    expect(await h.storage.outbox.heldCounts(TENANT_A)).toEqual([]);
    // invoice.created is older, so it goes first and invoice.paid waits for it (FIFO within the tenant).
    const first = await h.storage.outbox.claim(LEASE);
    expect(first.map((r) => [r.id, r.eventName, r.tenantId])).toEqual([[created!.id, 'invoice.created', 'tenant-a']]);
  });

  it('drops held rows, and resets a pending chip that no other pending row backs', async () => {
    await h.storage.outbox.enqueue([event({ entityId: 30, tenantId: OLD }), event({ entityId: 31, tenantId: OLD })]);
    await h.storage.outbox.enqueue([event({ entityId: 31, eventName: 'invoice.paid' })]);
    expect(await h.storage.outbox.resolveHeld('sage_accounting', 'tenant-a', 'drop')).toBe(2);
    expect((await h.storage.outbox.list({})).rows.map((r) => r.eventName)).toEqual(['invoice.paid']);
    expect(await h.storage.syncState.find('invoice', 30, 'sage_accounting')).toBeNull();
    expect(await h.storage.syncState.find('invoice', 31, 'sage_accounting')).toMatchObject({ status: 'pending' });
  });

  it('refuses bad input to the operator action and changes nothing', async () => {
    await h.storage.outbox.enqueue([event({ entityId: 30, tenantId: OLD })]);
    await expect(h.storage.outbox.resolveHeld('sage_accounting', 'tenant-a', 'delete' as never)).rejects.toThrow(/readdress or drop/);
    await expect(h.storage.outbox.resolveHeld('sage_accounting', '', 'drop')).rejects.toThrow(/tenantId/);
    await expect(h.storage.outbox.resolveHeld('sage_accounting', 'x'.repeat(65), 'readdress')).rejects.toThrow(/tenantId/);
    await expect(h.storage.outbox.resolveHeld(42 as never, 'tenant-a', 'drop')).rejects.toThrow(/provider/);
    await expect(h.storage.outbox.heldCounts([{ provider: 'sage_accounting', tenantId: 7 as never }])).rejects.toThrow(/tenantId/);
    expect((await h.storage.outbox.list({})).rows.map((r) => r.tenantId)).toEqual([OLD]);
  });
});
