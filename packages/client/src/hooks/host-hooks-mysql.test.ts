import type { InvoiceSnapshot } from '@byte8/core';
import { testDialects } from '@byte8/testkit';
import { Kysely, MysqlDialect, sql } from 'kysely';
import mysql from 'mysql2/promise';
import mysqlCallbacks from 'mysql2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OutboundHarness, outboundHarness } from '../worker/outbound-harness.test-helpers.js';

const invoice = (id: number): InvoiceSnapshot => ({ id, incrementId: `INV-${id}`, state: 'open', websiteId: 1, storeId: 1 });

const mysqlDialect = testDialects(process.env, { mysql: true }).find((d) => d.name === 'mysql');

// The point of the transactional outbox on a MySQL shop: the hook's events commit or roll back
// with the host's own write, in the host's own transaction.
describe.runIf(mysqlDialect)('host hooks inside a MySQL transaction of the host', () => {
  let h: OutboundHarness;
  let host: mysql.Connection;
  beforeAll(async () => {
    h = await outboundHarness(mysqlDialect!);
    const url = (h.database as { url: string }).url;
    host = await mysql.createConnection({ uri: url });
    await host.query('CREATE TABLE shop_order (id BIGINT PRIMARY KEY, total INT NOT NULL)');
  });
  beforeEach(async () => {
    await h.reset();
    await host.query('DELETE FROM shop_order');
  });
  afterAll(async () => {
    await host?.end();
    await h?.close();
  });

  const keys = async () => (await h.storage.outbox.list({ limit: 100 })).rows.map((r) => r.idempotencyKey).sort();

  it('rolls the events back with the host save in a mysql2 transaction, and delivers them once it commits', async () => {
    await h.connect('sage_accounting');
    await host.beginTransaction();
    await host.query('INSERT INTO shop_order (id, total) VALUES (5, 100)');
    await h.hooks.invoiceSaved({ before: null, after: invoice(5) }, { transaction: host });
    await host.rollback();
    expect(await keys()).toEqual([]);
    expect(await h.storage.syncState.find('invoice', 5, 'sage_accounting')).toBeNull();

    await host.beginTransaction();
    await host.query('INSERT INTO shop_order (id, total) VALUES (6, 100)');
    const results = await h.hooks.invoiceSaved({ before: null, after: invoice(6) }, { transaction: host });
    expect(results.map((r) => r.outcome)).toEqual(['inserted']);
    // Not visible to anyone else before the host commits.
    expect(await keys()).toEqual([]);
    await host.commit();
    expect(await keys()).toEqual(['invoice.created:6']);
    await h.worker().drainUntilIdle();
    expect(h.sim.stats).toMatchObject({ deliveries: 1, duplicateDeliveries: 0 });
  });

  it('fails the host save when the hook fails inside its transaction', async () => {
    await h.connect('sage_accounting');
    await host.beginTransaction();
    await expect(h.hooks.invoiceSaved({ before: null, after: invoice(7) }, { transaction: { not: 'a connection' } as never })).rejects.toThrow(
      /`transaction` must be/,
    );
    await host.rollback();
    expect(await keys()).toEqual([]);
  });

  it('joins a kysely transaction over the host database', async () => {
    await h.connect('sage_accounting');
    const url = (h.database as { url: string }).url;
    const shop = new Kysely<any>({ dialect: new MysqlDialect({ pool: mysqlCallbacks.createPool({ uri: url, connectionLimit: 2 }) }) });
    try {
      await expect(
        shop.transaction().execute(async (trx) => {
          await sql`INSERT INTO shop_order (id, total) VALUES (8, 100)`.execute(trx);
          await h.hooks.invoiceSaved({ before: null, after: invoice(8) }, { transaction: trx });
          throw new Error('payment declined');
        }),
      ).rejects.toThrow('payment declined');
      expect(await keys()).toEqual([]);
      await shop.transaction().execute(async (trx) => {
        await sql`INSERT INTO shop_order (id, total) VALUES (9, 100)`.execute(trx);
        await h.hooks.invoiceSaved({ before: null, after: invoice(9) }, { transaction: trx });
      });
      expect(await keys()).toEqual(['invoice.created:9']);
      const [orders] = await host.query('SELECT id FROM shop_order ORDER BY id');
      expect(orders).toEqual([{ id: 9 }]);
    } finally {
      await shop.destroy();
    }
  });
});
