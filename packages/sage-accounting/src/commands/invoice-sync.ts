import type { ProviderCommand, ProviderCommandContext } from '@byte8/core';
import { type InvoiceSelection, parseInvoiceSyncOptions } from './invoice-sync-options.js';
import { type InvoiceOutcome, syncOneInvoice } from './sync-one-invoice.js';

const PAGE_SIZE = 100;

/** Invoice ids to send, page by page, so `--all` never holds every id in memory. */
async function* invoiceIds(context: ProviderCommandContext, selection: InvoiceSelection): AsyncGenerator<number> {
  if (selection.kind === 'ids') {
    yield* selection.ids;
    return;
  }
  let afterId: number | undefined;
  for (;;) {
    const page = await context.listEntities('invoice', afterId, PAGE_SIZE);
    for (const entity of page) yield entity.id;
    if (page.length < PAGE_SIZE) return;
    afterId = page[page.length - 1]!.id;
  }
}

/**
 * `byte8 sage invoice:sync` (wire-contract §11): publishes invoices to the
 * ledger right away instead of waiting for the drain, for triage and
 * backfills. Never writes the sync-state mirror; exits 1 when any invoice
 * failed.
 */
export const invoiceSyncCommand: ProviderCommand = {
  name: 'invoice:sync',
  description: 'Publish invoice.created / invoice.paid for invoices now, bypassing the outbox drain',
  options: [
    { flags: '--id <id>', description: 'one invoice id' },
    { flags: '--ids <ids>', description: 'comma-separated invoice ids, e.g. 1,2,3' },
    { flags: '--all', description: 'every invoice, oldest first' },
    { flags: '--event <event>', description: 'created, paid or both', defaultValue: 'both' },
    { flags: '--state <state>', description: 'with --all: open, paid or any (open or paid)', defaultValue: 'any' },
  ],
  async run(raw, context) {
    const parsed = parseInvoiceSyncOptions(raw);
    if (!parsed.ok) {
      context.err(`invoice:sync: ${parsed.error}`);
      return 1;
    }
    if (!(await context.isConnected())) {
      context.err(`invoice:sync: ${context.provider} is not connected; pair it with the ledger first`);
      return 1;
    }
    const { selection, event } = parsed.options;
    const counts: Record<InvoiceOutcome, number> = { sent: 0, skipped: 0, failed: 0 };
    // --state only narrows --all (wire-contract §11).
    const onlyState = selection.kind === 'all' ? selection.state : 'any';
    for await (const id of invoiceIds(context, selection)) {
      counts[await syncOneInvoice(context, id, event, onlyState)]++;
    }
    context.out(`invoice:sync: ${counts.sent} sent, ${counts.skipped} skipped, ${counts.failed} failed`);
    return counts.failed > 0 ? 1 : 0;
  },
};
