import type { OutboxEventInput } from '@byte8/core';
import { type RawBuilder, sql } from 'kysely';
import type { Byte8Tables } from '../byte8-tables.js';

/**
 * Whose tenant a new row is addressed to: the one each event carries, or the one its provider
 * is connected to now, read by the enqueue statement itself (one round trip instead of a
 * connection read and then the enqueue, the cost a checkout pays).
 */
export type TenantSource = 'event' | 'connection';

/**
 * The `input` CTE of both enqueue statements: one row per event, from arrays through `unnest` so
 * the SQL text is the same for any batch size. With `connection` as the tenant source, an event
 * of a provider that is not connected (no tenant or no master key stored, as `isConnected`) yields
 * no row, so the statement writes nothing for it.
 */
export function enqueueInput(
  tables: Byte8Tables,
  events: ReadonlyArray<{ readonly index: number; readonly event: OutboxEventInput }>,
  tenantSource: TenantSource,
): RawBuilder<unknown> {
  const col = <T>(pick: (e: OutboxEventInput) => T) => events.map(({ event }) => pick(event));
  const arrays = sql`unnest(
        ${events.map((e) => e.index)}::int[], ${col((e) => e.provider)}::text[], ${col((e) => e.tenantId)}::text[],
        ${col((e) => e.eventName)}::text[], ${col((e) => e.idempotencyKey)}::text[], ${col((e) => e.body)}::text[],
        ${col((e) => e.entityType)}::text[], ${col((e) => e.entityId)}::bigint[], ${col((e) => e.upsert)}::bool[]
      ) AS t(idx, provider, event_tenant, event_name, idem_key, payload, entity_type, entity_ref, upsert)`;
  const columns = sql`t.idx, t.provider, t.event_name, t.idem_key, t.payload, t.entity_type, t.entity_ref, t.upsert`;
  if (tenantSource === 'event') return sql`SELECT ${columns}, t.event_tenant AS tenant_id FROM ${arrays}`;
  return sql`SELECT ${columns}, c.tenant_id FROM ${arrays}
      JOIN ${tables.connection} c ON c.provider = t.provider AND c.tenant_id <> '' AND c.encrypted_master_key <> ''`;
}
