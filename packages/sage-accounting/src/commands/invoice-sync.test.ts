import type { ChangedEntity, Invoice, InvoiceState, ProviderCommandContext, PublishNowResult } from '@byte8/core';
import { invoiceFixture } from '@byte8/testkit';
import { describe, expect, it } from 'vitest';
import { invoiceSyncCommand } from './invoice-sync.js';

type Published = Parameters<ProviderCommandContext['publishNow']>[0];

// Website 1, store 2: distinct so a swapped scope shows.
const makeInvoice = (id: number, state: InvoiceState): Invoice =>
  invoiceFixture({ magento_id: id, increment_id: String(100000000 + id), state, website_id: 1, store_id: 2 });

/** The port as the client implements it, over an in-memory host and a scripted ledger. */
class TestContext implements ProviderCommandContext {
  readonly provider = 'sage_accounting';
  readonly published: Published[] = [];
  readonly outLines: string[] = [];
  readonly errLines: string[] = [];
  readonly pagesAsked: (number | undefined)[] = [];
  readonly invoices = new Map<number, Invoice>();
  connected = true;
  /** Ledger answer per idempotency key; accepted with a run id otherwise. */
  readonly answers = new Map<string, PublishNowResult | Error>();

  constructor(invoices: Invoice[] = []) {
    for (const invoice of invoices) this.invoices.set(invoice.magento_id, invoice);
  }
  async isConnected() {
    return this.connected;
  }
  async loadInvoice(id: number) {
    return this.invoices.get(id) ?? null;
  }
  async listEntities(entityType: string, afterId: number | undefined, limit: number): Promise<ChangedEntity[]> {
    expect(entityType).toBe('invoice');
    this.pagesAsked.push(afterId);
    return [...this.invoices.keys()]
      .sort((a, b) => a - b)
      .filter((id) => afterId === undefined || id > afterId)
      .slice(0, limit)
      .map((id) => ({ id, changedAt: new Date(0) }));
  }
  async publishNow(event: Published): Promise<PublishNowResult> {
    const answer = this.answers.get(event.idempotencyKey);
    if (answer instanceof Error) throw answer;
    this.published.push(event);
    return answer ?? { kind: 'accepted', syncRunId: `run-${this.published.length}` };
  }
  out(line: string) {
    this.outLines.push(line);
  }
  err(line: string) {
    this.errLines.push(line);
  }
  keys() {
    return this.published.map((p) => p.idempotencyKey);
  }
}

const run = (context: TestContext, options: Record<string, string | boolean | undefined>) =>
  invoiceSyncCommand.run({ event: 'both', state: 'any', ...options }, context);

describe('invoice:sync (wire-contract §11)', () => {
  it('publishes invoice.created for an open invoice, with the envelope data and key, and prints the run id', async () => {
    const context = new TestContext([makeInvoice(42, 'open')]);
    expect(await run(context, { id: '42' })).toBe(0);
    expect(context.published).toEqual([
      {
        eventName: 'invoice.created',
        entityId: 42,
        websiteId: 1,
        storeId: 2,
        payload: { increment_id: '100000042', paid: false },
        idempotencyKey: 'invoice.created:42',
      },
    ]);
    expect(context.outLines).toContain('invoice.created 42 (100000042): sync_run_id run-1');
    expect(context.outLines.at(-1)).toBe('invoice:sync: 1 sent, 0 skipped, 0 failed');
    expect(context.errLines).toEqual([]);
  });

  it('publishes created (paid:true) then paid for a paid invoice', async () => {
    const context = new TestContext([makeInvoice(7, 'paid')]);
    expect(await run(context, { id: '7' })).toBe(0);
    expect(context.published.map((p) => [p.idempotencyKey, p.payload])).toEqual([
      ['invoice.created:7', { increment_id: '100000007', paid: true }],
      ['invoice.paid:7', { increment_id: '100000007' }],
    ]);
  });

  it('honours --event created and --event paid', async () => {
    const created = new TestContext([makeInvoice(7, 'paid')]);
    expect(await run(created, { id: '7', event: 'created' })).toBe(0);
    expect(created.keys()).toEqual(['invoice.created:7']);

    const paid = new TestContext([makeInvoice(7, 'paid')]);
    expect(await run(paid, { id: '7', event: 'paid' })).toBe(0);
    expect(paid.keys()).toEqual(['invoice.paid:7']);

    const openOnlyPaid = new TestContext([makeInvoice(8, 'open')]);
    expect(await run(openOnlyPaid, { id: '8', event: 'paid' })).toBe(0);
    expect(openOnlyPaid.published).toEqual([]);
    expect(openOnlyPaid.outLines.at(-1)).toBe('invoice:sync: 0 sent, 1 skipped, 0 failed');
  });

  it('skips a cancelled invoice without failing', async () => {
    const context = new TestContext([makeInvoice(3, 'cancelled')]);
    expect(await run(context, { id: '3' })).toBe(0);
    expect(context.published).toEqual([]);
    expect(context.outLines[0]).toBe('invoice 3 (100000003): skipped, state is cancelled');
  });

  it('reports a missing invoice as a failure but still sends the others (--ids)', async () => {
    const context = new TestContext([makeInvoice(1, 'open'), makeInvoice(3, 'paid')]);
    expect(await run(context, { ids: '1, 2,3,1' })).toBe(1);
    expect(context.keys()).toEqual(['invoice.created:1', 'invoice.created:3', 'invoice.paid:3']);
    expect(context.errLines).toEqual(['invoice 2: not found']);
    expect(context.outLines.at(-1)).toBe('invoice:sync: 2 sent, 0 skipped, 1 failed');
  });

  it('counts a rejected (4xx) publish as a failure and does not send paid after a refused created', async () => {
    const context = new TestContext([makeInvoice(5, 'paid'), makeInvoice(6, 'open')]);
    context.answers.set('invoice.created:5', { kind: 'rejected', statusCode: 422, body: '{"error":\n "unknown tenant"}' });
    expect(await run(context, { ids: '5,6' })).toBe(1);
    expect(context.keys()).toEqual(['invoice.created:5', 'invoice.created:6']);
    expect(context.errLines).toEqual(['invoice.created 5 (100000005): rejected by the ledger, HTTP 422: {"error": "unknown tenant"}']);
  });

  it('counts a publish that throws as a failure', async () => {
    const context = new TestContext([makeInvoice(5, 'paid')]);
    context.answers.set('invoice.paid:5', new Error('storage is closed'));
    expect(await run(context, { id: '5' })).toBe(1);
    expect(context.keys()).toEqual(['invoice.created:5']);
    expect(context.errLines).toEqual(['invoice.paid 5 (100000005): failed: storage is closed']);
  });

  it('prints "queued in outbox" when the ledger was unreachable, which is not a failure', async () => {
    const context = new TestContext([makeInvoice(4, 'open')]);
    context.answers.set('invoice.created:4', { kind: 'queued', reason: 'HTTP 503' });
    expect(await run(context, { id: '4' })).toBe(0);
    expect(context.outLines[0]).toBe('invoice.created 4 (100000004): queued in outbox (HTTP 503)');
  });

  it('refuses to run when the provider is not connected, and publishes nothing', async () => {
    const context = new TestContext([makeInvoice(4, 'open')]);
    context.connected = false;
    expect(await run(context, { id: '4' })).toBe(1);
    expect(context.published).toEqual([]);
    expect(context.errLines).toEqual(['invoice:sync: sage_accounting is not connected; pair it with the ledger first']);
  });

  it.each([
    [{}, /exactly one of --id, --ids or --all/],
    [{ id: '1', all: true }, /exactly one of/],
    [{ id: '1', ids: '2' }, /exactly one of/],
    [{ id: 'abc' }, /--id takes positive integer invoice ids; got "abc"/],
    [{ id: '0' }, /got "0"/],
    [{ id: '-4' }, /got "-4"/],
    [{ id: '1e3' }, /got "1e3"/],
    [{ ids: '1,x,3' }, /--ids .*got "x"/],
    [{ ids: '1,,3' }, /--ids/],
    [{ id: '1', event: 'refunded' }, /--event must be one of created, paid, both; got "refunded"/],
    [{ all: true, state: 'cancelled' }, /--state must be one of open, paid, any; got "cancelled"/],
  ])('rejects %j with a clear error, exit 1 and nothing published', async (options, message) => {
    const context = new TestContext([makeInvoice(1, 'paid'), makeInvoice(3, 'paid')]);
    expect(await run(context, options)).toBe(1);
    expect(context.published).toEqual([]);
    expect(context.errLines).toHaveLength(1);
    expect(context.errLines[0]).toMatch(message);
  });

  it('--all pages through every invoice, 100 at a time, oldest first', async () => {
    const invoices = Array.from({ length: 250 }, (_, i) => makeInvoice(i + 1, i % 10 === 0 ? 'cancelled' : 'open'));
    const context = new TestContext(invoices);
    expect(await run(context, { all: true })).toBe(0);
    expect(context.pagesAsked).toEqual([undefined, 100, 200]);
    expect(context.published).toHaveLength(225);
    expect(context.published[0]!.entityId).toBe(2);
    expect(context.published.at(-1)!.entityId).toBe(250);
    expect(context.outLines.at(-1)).toBe('invoice:sync: 225 sent, 25 skipped, 0 failed');
  });

  it('--all stops after an exactly full last page', async () => {
    const context = new TestContext(Array.from({ length: 200 }, (_, i) => makeInvoice(i + 1, 'open')));
    expect(await run(context, { all: true, event: 'created' })).toBe(0);
    expect(context.pagesAsked).toEqual([undefined, 100, 200]);
    expect(context.published).toHaveLength(200);
  });

  it('--all --state narrows to open or paid invoices', async () => {
    const invoices = [makeInvoice(1, 'open'), makeInvoice(2, 'paid'), makeInvoice(3, 'cancelled'), makeInvoice(4, 'paid')];
    const paid = new TestContext(invoices);
    expect(await run(paid, { all: true, state: 'paid' })).toBe(0);
    expect(paid.keys()).toEqual(['invoice.created:2', 'invoice.paid:2', 'invoice.created:4', 'invoice.paid:4']);

    const open = new TestContext(invoices);
    expect(await run(open, { all: true, state: 'open' })).toBe(0);
    expect(open.keys()).toEqual(['invoice.created:1']);
  });

  it('ignores --state without --all, as the spec says it only narrows --all', async () => {
    const context = new TestContext([makeInvoice(2, 'paid')]);
    expect(await run(context, { id: '2', state: 'open' })).toBe(0);
    expect(context.keys()).toEqual(['invoice.created:2', 'invoice.paid:2']);
  });

  it('declares its options for the client CLI', () => {
    expect(invoiceSyncCommand.name).toBe('invoice:sync');
    expect(invoiceSyncCommand.options.map((o) => [o.flags, o.defaultValue])).toEqual([
      ['--id <id>', undefined],
      ['--ids <ids>', undefined],
      ['--all', undefined],
      ['--event <event>', 'both'],
      ['--state <state>', 'any'],
    ]);
  });
});
