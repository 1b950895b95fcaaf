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

describe('createHostHooks with a change of the wrong shape', () => {
  const logged: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn() {}, error: (_fields, message) => void logged.push(message) };
  const enqueued: unknown[] = [];
  const publisher = { enqueue: async (_p: string, events: readonly unknown[]) => (enqueued.push(...events), []), publishNow: async () => ({ kind: 'queued', reason: '' }) } as never;
  const hooks = createHostHooks({ providers: [sageAccounting()], publisher, logger });

  it.each([
    ['a string id', { before: null, after: { ...invoice(42), id: '42' } }, 'after.id: Invalid input: expected number, received string'],
    ['a negative id', { before: null, after: invoice(-1) }, 'after.id: Too small'],
    ['a fractional id', { before: null, after: invoice(1.5) }, 'after.id: Invalid input: expected int, received number'],
    ['an id beyond 2^53', { before: null, after: invoice(2 ** 60) }, 'after.id: Too big'],
    ['an unknown state', { before: null, after: invoice(5, 'bogus' as never) }, 'after.state: Invalid option'],
    ['no increment id', { before: null, after: { ...invoice(5), incrementId: ' ' } }, 'after.incrementId: Too small'],
    ['an increment id over 50 characters', { before: null, after: { ...invoice(5), incrementId: 'x'.repeat(51) } }, 'after.incrementId: Too big'],
    ['no after', { before: null, after: null }, 'after: Invalid input'],
  ])('with %s: says which field, enqueues nothing; throws inside a transaction', async (_name, change, problem) => {
    logged.length = 0;
    enqueued.length = 0;
    expect(await hooks.invoiceSaved(change as never)).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('byte8: invoiceSaved() got an invalid change, nothing was enqueued: ');
    expect(logged[0]).toContain(problem);
    await expect(hooks.invoiceSaved(change as never, { transaction: {} })).rejects.toThrow(TypeError);
    expect(enqueued).toEqual([]);
  });

  it('checks every hook: customer, product and stock ids', async () => {
    logged.length = 0;
    await hooks.customerSaved({ before: null, after: { id: 0, websiteId: 1 } });
    await hooks.productSaved({ after: { id: Number.NaN } });
    await hooks.stockSaved({ productId: -3 });
    expect(logged.map((l) => l.split(':')[1]!.trim())).toEqual(['customerSaved() got an invalid change, nothing was enqueued', 'productSaved() got an invalid change, nothing was enqueued', 'stockSaved() got an invalid change, nothing was enqueued']);
  });
});
