import {
  type CanonicalSource,
  type ConnectionStore,
  type EntityType,
  envelopeSchema,
  type FiredEvent,
  type Logger,
  type OutboxRow,
  type OutboxStore,
  type Provider,
  type ResyncResult,
  type SyncStateStore,
  wireEventNameSchema,
} from '@byte8/core';
import type { EventEnqueuer } from '../reconcile/event-enqueuer.js';
import { hostChangeOf } from '../reconcile/host-change-of.js';
import { isConnected } from '../transport/resolve-ledger-auth.js';
import { latestPerEvent } from './event-status-view.js';

export interface DocumentResyncDeps {
  readonly providers: readonly Provider[];
  readonly outbox: OutboxStore;
  readonly syncState: SyncStateStore;
  readonly connections: ConnectionStore;
  /** The publisher: adds `occurred_at` and the tenant, writes the outbox row. */
  readonly enqueuer: EventEnqueuer;
  readonly source: CanonicalSource;
  readonly logger: Logger;
}

/** Everything one document ever queued is far below this. */
const ROWS_PER_DOCUMENT = 500;

/** The event a delivered row carried, again: same name, entity and payload, queued as an upsert so the store gives it the next `:v{n}` key. */
function copyOf(row: OutboxRow): FiredEvent | null {
  const envelope = envelopeSchema.safeParse(safeJson(row.body));
  const eventName = wireEventNameSchema.safeParse(row.eventName);
  if (!envelope.success || !eventName.success || row.entityType === null || row.entityId === null) return null;
  return {
    eventName: eventName.data,
    entityType: row.entityType,
    entityId: row.entityId,
    websiteId: envelope.data.website_id,
    storeId: envelope.data.store_id,
    payload: envelope.data.payload,
    // The key the rule gave it; the store versions it, because that key was already sent.
    idempotencyKey: row.idempotencyKey.replace(/:v\d+$/, ''),
    upsert: true,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * "Sync again" for one document and provider. The ledger answers a key it
 * has accepted before as a duplicate, without processing it again, so:
 * a dead letter of the current tenant is requeued as it is (the ledger
 * never accepted it); a delivered event (or one held for an old tenant) is
 * queued again under a new versioned key; a document with no event left
 * (purged, or from before the connector) gets fresh events from the
 * provider's rules over the host's current data. The chip goes pending
 * first, so the ledger's answer cannot arrive before it; if queuing fails,
 * the chip is put back.
 */
export async function resyncDocument(deps: DocumentResyncDeps, entityType: EntityType, entityId: number, providerKey: string): Promise<ResyncResult> {
  const provider = deps.providers.find((p) => p.key === providerKey);
  if (!provider) throw new Error(`unknown provider "${providerKey}"`);
  const name = provider.labels.name;
  const connection = await deps.connections.get(providerKey);
  if (!isConnected(connection)) {
    return { outcome: 'not_connected', events: [], message: `${name} is not connected: pair it first. Nothing was queued.` };
  }
  const { rows } = await deps.outbox.list({ provider: providerKey, entityType, entityId, limit: ROWS_PER_DOCUMENT });
  const latest = latestPerEvent(rows);
  const stuck = latest.filter((row) => row.status !== 'pending');
  if (latest.length > 0 && stuck.length === 0) {
    const events = latest.map((row) => row.eventName);
    return { outcome: 'already_queued', events, message: `Already queued for ${name} (${events.join(', ')}); nothing to do.` };
  }

  const requeue = stuck.filter((row) => row.status === 'dead_lettered' && row.tenantId === connection.tenantId);
  let resend = stuck.filter((row) => !requeue.includes(row)).map(copyOf).filter((event): event is FiredEvent => event !== null);
  if (latest.length === 0) {
    const change = await hostChangeOf(deps.source, entityType, entityId);
    resend = change ? provider.eventsFor(change).map((event) => ({ ...event, upsert: true })) : [];
  }
  const events = [...requeue.map((row) => row.eventName), ...resend.map((event) => event.eventName)];
  if (events.length === 0) {
    return { outcome: 'not_found', events: [], message: `Nothing to send to ${name} for ${entityType} ${entityId}: the store has no such document.` };
  }

  const previous = await deps.syncState.resetToPending(entityType, entityId, providerKey);
  try {
    for (const row of requeue) await deps.outbox.requeue({ id: row.id }, providerKey);
    if (resend.length > 0) await deps.enqueuer.enqueue(providerKey, resend);
  } catch (error) {
    await deps.syncState.restore(entityType, entityId, providerKey, previous).catch(() => {});
    throw error;
  }
  deps.logger.info({ provider: providerKey, entityType, entityId, events }, 'byte8: document queued again');
  return { outcome: 'queued', events, message: `Queued again for ${name}: ${events.join(', ')}.` };
}
