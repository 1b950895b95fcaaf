import type { Byte8Storage } from '@byte8/client';
import { type OutboxEventInput, formatWireTimestamp, serializeEnvelope } from '@byte8/core';
import { PROVIDER } from './tenant.js';

/** The envelope body of invoice `id`: the same bytes for our worker and for the peers' jobs. */
export function invoiceBody(id: number, occurredAt = formatWireTimestamp(new Date())): string {
  return serializeEnvelope({
    magento_entity_id: id,
    website_id: 1,
    store_id: 1,
    occurred_at: occurredAt,
    payload: { increment_id: String(id).padStart(9, '0'), paid: false },
  });
}

export function invoiceEvent(id: number, tenantId: string, keyPrefix = 'invoice.created'): OutboxEventInput {
  return {
    provider: PROVIDER,
    tenantId,
    eventName: 'invoice.created',
    idempotencyKey: `${keyPrefix}:${id}`,
    body: invoiceBody(id),
    entityType: 'invoice',
    entityId: id,
    upsert: false,
  };
}

/** Enqueues `count` invoices in chunks of 1 000 (one statement each); returns the time taken in ms. */
export async function enqueueBacklog(storage: Byte8Storage, tenantId: string, count: number, keyPrefix?: string): Promise<number> {
  const started = performance.now();
  for (let from = 1; from <= count; from += 1000) {
    const chunk: OutboxEventInput[] = [];
    for (let id = from; id < Math.min(from + 1000, count + 1); id++) chunk.push(invoiceEvent(id, tenantId, keyPrefix));
    await storage.outbox.enqueue(chunk);
  }
  return performance.now() - started;
}
