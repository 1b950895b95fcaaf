import type { InvoiceSnapshot, Logger } from '@byte8/core';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { sageAccounting } from '@byte8/sage-accounting';
import { testDialects } from '@byte8/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPublisher } from '../publisher/publisher.js';
import { type OutboundHarness, outboundHarness } from '../worker/outbound-harness.test-helpers.js';
import { createHostHooks } from './create-host-hooks.js';

const invoice = (id: number, state: InvoiceSnapshot['state'] = 'open'): InvoiceSnapshot => ({
  id,
  incrementId: `INV-${id}`,
  state,
  websiteId: 1,
  storeId: 1,
});

describe.each(testDialects())('createHostHooks on $name', (dialect) => {
  let h: OutboundHarness;
  beforeAll(async () => {
    h = await outboundHarness(dialect, [sageAccounting(), freeAgentAccounting()]);
  });
  beforeEach(async () => {
    await h.reset();
  });
  afterAll(async () => {
    await h?.close();
  });

  const keys = async () => (await h.storage.outbox.list({ limit: 100 })).rows.map((r) => `${r.provider}:${r.idempotencyKey}`).sort();

  it('enqueues what every connected provider fires, with its current tenant, and writes the pending chip', async () => {
    const sage = await h.connect('sage_accounting');
    const results = await h.hooks.invoiceSaved({ before: null, after: invoice(42, 'paid') });
    expect(results.map((r) => [r.outcome, r.idempotencyKey])).toEqual([
      ['inserted', 'invoice.created:42'],
      ['inserted', 'invoice.paid:42'],
    ]);
    expect(await keys()).toEqual(['sage_accounting:invoice.created:42', 'sage_accounting:invoice.paid:42']);
    const rows = (await h.storage.outbox.list({ limit: 10 })).rows;
    expect(rows.every((r) => r.tenantId === sage.tenantId)).toBe(true);
    expect(await h.storage.syncState.find('invoice', 42, 'sage_accounting')).toMatchObject({ status: 'pending' });

    const fa = await h.connect('freeagent');
    await h.hooks.invoiceSaved({ before: invoice(42, 'open'), after: invoice(42, 'paid') });
    await h.hooks.invoiceSaved({ before: null, after: invoice(43) });
    expect(await keys()).toContain('freeagent:invoice.created:43');
    await h.worker().drainUntilIdle();
    const toFreeAgent = h.sim.exchanges.filter((e) => e.path.includes(fa.tenantId));
    expect(toFreeAgent.map((e) => e.path)).toContain(`/webhooks/magento/${fa.tenantId}/invoice.created?provider=freeagent`);
  });

  it('skips silently when no provider is connected', async () => {
    expect(await h.hooks.invoiceSaved({ before: null, after: invoice(1) })).toEqual([]);
    expect(await keys()).toEqual([]);
  });

  it('commits the events with the host transaction and rolls them back with it', async () => {
    await h.connect('sage_accounting');
    await expect(
      h.storage.db.transaction().execute(async (trx) => {
        await h.hooks.invoiceSaved({ before: null, after: invoice(5) }, { transaction: trx });
        throw new Error('the host save failed');
      }),
    ).rejects.toThrow('the host save failed');
    expect(await keys()).toEqual([]);
    expect(await h.storage.syncState.find('invoice', 5, 'sage_accounting')).toBeNull();

    await h.storage.db.transaction().execute(async (trx) => {
      await h.hooks.invoiceSaved({ before: null, after: invoice(6) }, { transaction: trx });
    });
    expect(await keys()).toEqual(['sage_accounting:invoice.created:6']);
  });

  it('lets a database error inside the host transaction fail the host save', async () => {
    await h.connect('sage_accounting');
    await expect(
      h.storage.db.transaction().execute(async (trx) => {
        await sql`SELECT * FROM no_such_table`.execute(trx).catch(() => {});
        // The transaction is now aborted: the enqueue must fail, and loudly.
        await h.hooks.invoiceSaved({ before: null, after: invoice(7) }, { transaction: trx });
      }),
    ).rejects.toThrow(/aborted/);
    expect(await keys()).toEqual([]);
  });

  it('logs and swallows a failure outside a transaction, never breaking the host save', async () => {
    await h.connect('sage_accounting');
    const other = await h.secondStorage();
    await other.close();
    const logged: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn() {}, error: (_fields, message) => void logged.push(message) };
    const broken = createHostHooks({
      providers: [sageAccounting()],
      publisher: createPublisher({ outbox: other.outbox, connections: h.storage.connections }),
      logger,
    });
    expect(await broken.invoiceSaved({ before: null, after: invoice(8) })).toEqual([]);
    expect(logged).toEqual(['failed to enqueue events; the host save continues']);
  });
});
