import { eventKey, type Invoice, type ProviderCommandContext, type WireEventName } from '@byte8/core';
import type { InvoiceSyncOptions } from './invoice-sync-options.js';

/** What happened to one invoice. */
export type InvoiceOutcome = 'sent' | 'skipped' | 'failed';

const MAX_BODY_CHARS = 200;

async function publish(
  context: ProviderCommandContext,
  invoice: Invoice,
  eventName: WireEventName,
  payload: Readonly<Record<string, unknown>>,
): Promise<boolean> {
  const id = invoice.magento_id;
  const label = `${eventName} ${id} (${invoice.increment_id})`;
  try {
    const result = await context.publishNow({
      eventName,
      entityId: id,
      websiteId: invoice.website_id,
      storeId: invoice.store_id,
      payload,
      idempotencyKey: eventKey(eventName, id),
    });
    switch (result.kind) {
      case 'accepted':
        context.out(`${label}: sync_run_id ${result.syncRunId === '' ? '(none returned)' : result.syncRunId}`);
        return true;
      case 'queued':
        context.out(`${label}: queued in outbox (${result.reason})`);
        return true;
      case 'rejected': {
        const body = result.body.replace(/\s+/g, ' ').slice(0, MAX_BODY_CHARS);
        context.err(`${label}: rejected by the ledger, HTTP ${result.statusCode}: ${body}`);
        return false;
      }
    }
  } catch (error) {
    context.err(`${label}: failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * Publishes one invoice's events now (wire-contract §11): `invoice.created`
 * with `{increment_id, paid}`, then `invoice.paid` when the invoice is paid.
 * A failed `created` stops the invoice there: a payment for an invoice the
 * ledger refused would only be refused too.
 */
export async function syncOneInvoice(
  context: ProviderCommandContext,
  id: number,
  event: InvoiceSyncOptions['event'],
  onlyState: 'open' | 'paid' | 'any' = 'any',
): Promise<InvoiceOutcome> {
  const invoice = await context.loadInvoice(id);
  if (invoice === null) {
    context.err(`invoice ${id}: not found`);
    return 'failed';
  }
  if (invoice.state !== 'open' && invoice.state !== 'paid') {
    context.out(`invoice ${id} (${invoice.increment_id}): skipped, state is ${invoice.state}`);
    return 'skipped';
  }
  // Filtered out by `--all --state`: the summary counts it, no line per invoice.
  if (onlyState !== 'any' && invoice.state !== onlyState) return 'skipped';
  const paid = invoice.state === 'paid';
  if (event !== 'paid') {
    const ok = await publish(context, invoice, 'invoice.created', { increment_id: invoice.increment_id, paid });
    if (!ok) return 'failed';
  }
  if (event !== 'created') {
    if (!paid) {
      if (event === 'paid') {
        context.out(`invoice ${id} (${invoice.increment_id}): skipped, not paid`);
        return 'skipped';
      }
      return 'sent';
    }
    const ok = await publish(context, invoice, 'invoice.paid', { increment_id: invoice.increment_id });
    if (!ok) return 'failed';
  }
  return 'sent';
}
