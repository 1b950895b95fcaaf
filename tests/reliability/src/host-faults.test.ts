import type { ChangedSinceQuery } from '@byte8/core';
import { LedgerSimulator } from '@byte8/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReliabilityHost, SAGE, newInvoice, startReliabilityHost } from './harness/connector.js';
import { outboxFigures } from './harness/outbox-figures.js';
import { report } from './harness/report.js';
import { scaled } from './harness/scale.js';
import { shopSource } from './harness/shop-source.js';

const MISSED = scaled(50, 500);
const HOOKED = scaled(50, 500);

describe('host faults: a crash between commit and hook, a rolled-back transaction', () => {
  let sim: LedgerSimulator;
  let host: ReliabilityHost;
  /** The host's own table, in the connector's database, with the change time reconciliation pages over. */
  const changes = async (q: ChangedSinceQuery) => {
    if (q.entityType !== 'invoice') return [];
    const { rows } = await sql<{ id: number; changed_at: Date }>`
      SELECT id, changed_at FROM shop_invoice
      WHERE (changed_at > ${q.since} OR (changed_at = ${q.since} AND id > ${q.afterId ?? 0}))
        AND (${q.until ?? null}::timestamptz IS NULL OR changed_at <= ${q.until ?? null}::timestamptz)
      ORDER BY changed_at, id LIMIT ${q.limit}
    `.execute(host.storage.db);
    return rows.map((r) => ({ id: r.id, changedAt: r.changed_at }));
  };

  beforeAll(async () => {
    sim = await LedgerSimulator.start({ policy: 'none' });
    host = await startReliabilityHost({ sim, canonicalSource: shopSource(changes), reconciliation: { intervalMs: 0, settleMs: 0 } });
    await sql`CREATE TABLE shop_invoice (id integer PRIMARY KEY, changed_at timestamptz NOT NULL)`.execute(host.storage.db);
  });
  afterAll(async () => {
    await host?.close();
    await sim?.stop();
  });

  const shopRows = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM shop_invoice`.execute(host.storage.db)).rows[0]!.n);

  it('reconciliation delivers, exactly once, every document whose hook never ran', async () => {
    const changedAt = new Date(Date.now() - 120_000);
    // Saves whose hook ran, inside the host's transaction.
    for (let id = 1; id <= HOOKED; id++) {
      await host.storage.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO shop_invoice VALUES (${id}, ${changedAt})`.execute(trx);
        await host.byte8.hooks.invoiceSaved({ before: null, after: newInvoice(id) }, { transaction: trx });
      });
    }
    // Saves that committed, then the process died before the hook: no event anywhere.
    for (let id = HOOKED + 1; id <= HOOKED + MISSED; id++) {
      await sql`INSERT INTO shop_invoice VALUES (${id}, ${changedAt})`.execute(host.storage.db);
    }
    expect((await outboxFigures(host.storage)).total).toBe(HOOKED);
    await host.byte8.worker.drainUntilIdle();

    const first = await host.byte8.reconciler.runOnce();
    await host.byte8.worker.drainUntilIdle();
    const second = await host.byte8.reconciler.runOnce();
    await host.byte8.worker.drainUntilIdle();
    const final = await outboxFigures(host.storage);
    const acceptedKeys = new Set(sim.deliveries.filter((d) => d.status === 202).map((d) => d.idempotencyKey));
    const missedDelivered = [...acceptedKeys].filter((k) => Number(k!.split(':')[1]) > HOOKED).length;
    report('host-crash-before-hook', {
      hooked: HOOKED,
      missedHooks: MISSED,
      reconciledFirstPass: first.enqueued,
      reconciledSecondPass: second.enqueued,
      missedDelivered,
      lost: HOOKED + MISSED - acceptedKeys.size,
      ledgerDuplicates: sim.stats.duplicateDeliveries,
      deadLettered: final.deadLettered,
    });
    expect(first.enqueued).toBe(MISSED);
    expect(second.enqueued).toBe(0);
    expect(final).toMatchObject({ total: HOOKED + MISSED, succeeded: HOOKED + MISSED, deadLettered: 0 });
    expect(acceptedKeys.size).toBe(HOOKED + MISSED);
    expect(missedDelivered).toBe(MISSED);
    expect(sim.stats.duplicateDeliveries).toBe(0);
  });

  it('a host transaction that rolls back leaves no event; the same save committed leaves one', async () => {
    const before = await outboxFigures(host.storage);
    const shopBefore = await shopRows();
    const id = 900_001;
    await expect(
      host.storage.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO shop_invoice VALUES (${id}, now())`.execute(trx);
        const results = await host.byte8.hooks.invoiceSaved({ before: null, after: newInvoice(id) }, { transaction: trx });
        expect(results).toHaveLength(1);
        throw new Error('the host failed after its hook');
      }),
    ).rejects.toThrow('the host failed after its hook');
    expect(await shopRows()).toBe(shopBefore);
    expect((await outboxFigures(host.storage)).total).toBe(before.total);
    expect(await host.storage.syncState.find('invoice', id, SAGE)).toBeNull();

    await host.storage.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO shop_invoice VALUES (${id}, now())`.execute(trx);
      await host.byte8.hooks.invoiceSaved({ before: null, after: newInvoice(id) }, { transaction: trx });
    });
    expect((await outboxFigures(host.storage)).total).toBe(before.total + 1);
    report('host-rollback', { rolledBackSaves: 1, eventsLeftByRollback: 0, eventsLeftByCommit: 1 });
  });
});
