import type { EnqueueResult, OutboxEventInput } from '@byte8/core';
import type { QueryExecutorProvider } from 'kysely';
import type { Byte8Tables } from '../byte8-tables.js';
import type { TenantSource } from './enqueue-input.js';
import { runEnqueueStatement } from './enqueue-statement.js';
import { runPlainEnqueueStatement } from './plain-enqueue-statement.js';
import { validateOutboxEvent } from './validate-event.js';

// A lost insert race resolves on the next statement (the winner is then visible); more is a bug.
const MAX_ROUNDS = 5;

/** Events of one batch that would hit the same row: the first one speaks for the rest. */
function batchKey(event: OutboxEventInput): string {
  return event.upsert
    ? JSON.stringify(['u', event.provider, event.eventName, event.entityType, event.entityId])
    : JSON.stringify(['k', event.provider, event.idempotencyKey]);
}

/**
 * Enqueues a batch with one statement per round (one round unless a
 * concurrent enqueue of the same key won an insert race).
 */
export async function enqueueEvents(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  events: readonly OutboxEventInput[],
  now: Date,
): Promise<EnqueueResult[]> {
  if (!Array.isArray(events)) throw new TypeError('enqueue: `events` must be an array');
  events.forEach(validateOutboxEvent);
  if (events.length === 0) return [];
  return (await settle(executor, tables, events, now, 'event'))!;
}

/**
 * The same, addressed to the tenant `provider` is connected to now, which the statement reads
 * itself (`OutboxStore.enqueueForConnectedTenant`); null, with nothing written, when the
 * provider is not connected.
 */
export async function enqueueEventsForConnectedTenant(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  provider: string,
  events: readonly OutboxEventInput[],
  now: Date,
): Promise<EnqueueResult[] | null> {
  if (!Array.isArray(events)) throw new TypeError('enqueue: `events` must be an array');
  events.forEach(validateOutboxEvent);
  events.forEach((event, index) => {
    if (event.provider !== provider) throw new TypeError(`enqueue: event ${index}: \`provider\` must be ${JSON.stringify(provider)}, the provider enqueued for`);
  });
  if (events.length === 0) return [];
  return settle(executor, tables, events, now, 'connection');
}

async function settle(
  executor: QueryExecutorProvider,
  tables: Byte8Tables,
  events: readonly OutboxEventInput[],
  now: Date,
  tenantSource: TenantSource,
): Promise<EnqueueResult[] | null> {

  const leaderOf = new Map<string, number>();
  const followers: Array<{ index: number; leader: number }> = [];
  let pending: Array<{ index: number; event: OutboxEventInput }> = [];
  events.forEach((event, index) => {
    const key = batchKey(event);
    const leader = leaderOf.get(key);
    if (leader === undefined) {
      leaderOf.set(key, index);
      pending.push({ index, event });
    } else {
      followers.push({ index, leader });
    }
  });

  const results: EnqueueResult[] = new Array(events.length);
  for (let round = 1; pending.length > 0; round++) {
    if (round > MAX_ROUNDS) throw new Error(`enqueue: could not settle ${pending.length} event(s) after ${MAX_ROUNDS} rounds`);
    const statement = pending.some((p) => p.event.upsert) ? runEnqueueStatement : runPlainEnqueueStatement;
    const decisions = await statement(executor, tables, pending, now, tenantSource);
    if (decisions.length === 0) {
      // Only a connection-addressed batch yields no row: its provider is not connected.
      if (round === 1) return null;
      throw new Error('enqueue: the provider was disconnected while its events were being enqueued');
    }
    const retry = new Set<number>();
    for (const d of decisions) {
      if ((d.action === 'insert' || d.action === 'version') && d.id === null) {
        retry.add(d.index);
        continue;
      }
      const outcome = d.action === 'coalesced' ? 'coalesced' : d.action === 'duplicate' ? 'duplicate' : 'inserted';
      results[d.index] = { outcome, idempotencyKey: d.idempotencyKey, id: d.id };
    }
    pending = pending.filter((p) => retry.has(p.index));
  }

  for (const { index, leader } of followers) {
    const first = results[leader]!;
    results[index] = {
      outcome: events[index]!.upsert ? 'coalesced' : 'duplicate',
      idempotencyKey: first.idempotencyKey,
      id: first.id,
    };
  }
  return results;
}
