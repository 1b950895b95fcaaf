import type { OutboxEventInput } from '@byte8/core';
import { describe, expect, it } from 'vitest';
import { dialects, event, useStorage } from './contract-setup.test-helpers.js';

const P = 'sage_accounting';
const HOUR = 3_600_000;

describe.each(dialects)('admin figures (activity) on $name', (dialect) => {
  const h = useStorage(dialect);

  /** Enqueues at the clock's time, then delivers each event with the given outcome at the clock's time. */
  async function deliver(events: OutboxEventInput[], outcome: 'succeeded' | 'dead_lettered') {
    const results = await h.storage.outbox.enqueue(events);
    const tenants = [...new Set(events.map((e) => e.provider))].map((provider) => ({ provider, tenantId: 'tenant-a' }));
    const claimed = await h.storage.outbox.claim({ owner: 'w', limit: 100, leaseMs: 60_000, tenants });
    expect(claimed).toHaveLength(results.length);
    await h.storage.outbox.complete(
      'w',
      claimed.map((row) =>
        outcome === 'succeeded'
          ? { kind: outcome, id: row.id, statusCode: 202, at: h.clock.now() }
          : { kind: outcome, id: row.id, statusCode: 422, error: 'HTTP 422', at: h.clock.now() },
      ),
    );
  }

  it('counts today’s deliveries, the pending backlog, the last day’s failures and buckets them by hour', async () => {
    h.clock.set('2026-04-30T23:30:00Z'); // yesterday: not "today", but within 24 h
    await deliver([event({ entityId: 1 })], 'succeeded');
    h.clock.set('2026-05-01T08:10:00Z');
    await deliver([event({ entityId: 2 }), event({ entityId: 3 })], 'succeeded');
    await deliver([event({ entityId: 4 }), event({ entityId: 4, provider: 'xero' })], 'dead_lettered');
    h.clock.set('2026-05-01T09:20:00Z');
    await h.storage.syncState.upsertTerminal({
      entityType: 'invoice', entityId: 2, provider: P, status: 'failed', providerEntityId: null, providerReference: null,
      skipReason: null, errorCode: 'validation', lastSyncAt: h.clock.now(),
    });
    await h.storage.outbox.enqueue([event({ entityId: 5 })]);
    h.clock.set('2026-05-01T09:25:00Z');
    await h.storage.outbox.enqueue([event({ entityId: 6 })]);
    h.clock.set('2026-05-01T10:00:00Z');

    const now = h.clock.now();
    const figures = await h.storage.activity.figures(P, { now, since: new Date('2026-05-01T00:00:00Z') });
    expect(figures).toMatchObject({
      deliveredSince: 2,
      pending: 2,
      failedAtLedger24h: 1,
      refused24h: 1,
      oldestPendingAt: new Date('2026-05-01T09:20:00Z'),
      lastDeliveredAt: new Date('2026-05-01T08:10:00Z'),
    });
    expect(figures.hours).toHaveLength(24);
    expect(figures.hours[0]!.hourStart).toEqual(new Date(now.getTime() - 23 * HOUR));
    expect(figures.hours.at(-1)!.hourStart).toEqual(new Date('2026-05-01T10:00:00Z'));
    const busy = figures.hours.filter((hour) => hour.delivered + hour.failed > 0).map((hour) => [hour.hourStart.toISOString(), hour.delivered, hour.failed]);
    expect(busy).toEqual([
      ['2026-04-30T23:00:00.000Z', 1, 0],
      ['2026-05-01T08:00:00.000Z', 2, 1],
      ['2026-05-01T09:00:00.000Z', 0, 1],
    ]);
    // The other provider's refusal stays its own.
    expect((await h.storage.activity.figures('xero', { now, since: new Date('2026-05-01T00:00:00Z') })).refused24h).toBe(1);
  });

  it('is all zeros and nulls for a provider with nothing', async () => {
    const figures = await h.storage.activity.figures('freeagent', { now: h.clock.now(), since: new Date('2026-05-01T00:00:00Z') });
    expect(figures).toMatchObject({ deliveredSince: 0, pending: 0, failedAtLedger24h: 0, refused24h: 0, oldestPendingAt: null, lastDeliveredAt: null });
    expect(figures.hours.every((hour) => hour.delivered === 0 && hour.failed === 0)).toBe(true);
  });

  it('refuses a bad provider or window, naming it', async () => {
    const since = new Date('2026-05-01T00:00:00Z');
    await expect(h.storage.activity.figures('', { now: h.clock.now(), since })).rejects.toThrow(/`provider`/);
    await expect(h.storage.activity.figures(P, { now: new Date('nope'), since })).rejects.toThrow(/`now` must be a valid Date/);
    await expect(h.storage.activity.figures(P, { now: h.clock.now(), since: 'today' as never })).rejects.toThrow(/`since`/);
  });
});
