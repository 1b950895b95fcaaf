import type { CanonicalSource, EntityType, FiredEvent, OutboxStore, Provider, SyncStateStore } from '@byte8/core';
import { mapBounded } from '../worker/map-bounded.js';
import { hostChangeOf } from './host-change-of.js';

/**
 * Events a mirror row proves were enqueued once: the mirror gets its row when
 * an entity's first event is enqueued, which outlives the outbox row (GC).
 * A later transition (`invoice.paid`) is only known from the outbox.
 */
const FIRST_EVENTS: ReadonlySet<string> = new Set(['invoice.created', 'creditmemo.created', 'customer.upserted', 'product.upserted']);

export interface MissingEventsDeps {
  readonly source: CanonicalSource;
  readonly outbox: Pick<OutboxStore, 'knows'>;
  readonly syncState: Pick<SyncStateStore, 'findMany'>;
  /** Canonical loads and outbox lookups in flight at once. Default 8. */
  readonly concurrency?: number;
}

/**
 * What `provider`'s rules would fire for these entities that neither the
 * mirror nor the outbox knows, in entity then rule order. Keys are the rules'
 * own keys; upserts are returned as plain inserts (`upsert: false`) so two
 * sweeps racing on one entity collapse on the key instead of versioning it.
 */
export async function missingEvents(
  provider: Provider,
  entityType: EntityType,
  ids: readonly number[],
  deps: MissingEventsDeps,
): Promise<FiredEvent[]> {
  const names = [...new Set(provider.events.filter((rule) => rule.on === entityType).map((rule) => rule.event))];
  if (names.length === 0 || ids.length === 0) return [];
  const mirrored = new Set((await deps.syncState.findMany(entityType, ids, provider.key)).map((row) => row.entityId));
  const perEntity = await mapBounded(ids, deps.concurrency ?? 8, async (id): Promise<FiredEvent[]> => {
    const known = new Set<string>();
    for (const name of names) {
      if ((mirrored.has(id) && FIRST_EVENTS.has(name)) || (await deps.outbox.knows(provider.key, name, id))) known.add(name);
    }
    if (known.size === names.length) return [];
    const change = await hostChangeOf(deps.source, entityType, id);
    if (!change) return [];
    return provider
      .eventsFor(change)
      .filter((event) => !known.has(event.eventName))
      .map((event) => (event.upsert ? { ...event, upsert: false } : event));
  });
  return perEntity.flatMap((events) => events ?? []);
}
