import type { EntityType, OutboxRow, OutboxStatus } from '@byte8/core';
import { toDate, toDateOrNull, toNumber, toNumberOrNull, toStringOrNull } from '../sql-values.js';

/** Maps a `byte8_event_outbox` row (snake_case, driver types) to the port's `OutboxRow`. */
export function toOutboxRow(row: Record<string, unknown>): OutboxRow {
  return {
    id: toNumber(row.entity_id),
    provider: String(row.provider),
    tenantId: toStringOrNull(row.tenant_id),
    eventName: String(row.event_name),
    idempotencyKey: String(row.idempotency_key),
    body: String(row.payload),
    entityType: toStringOrNull(row.entity_type) as EntityType | null,
    entityId: toNumberOrNull(row.entity_ref),
    status: String(row.status) as OutboxStatus,
    attempts: toNumber(row.attempts),
    attemptsStarted: toNumber(row.attempts_started),
    lastStatusCode: toNumberOrNull(row.last_status_code),
    lastAttemptAt: toDateOrNull(row.last_attempt_at),
    nextAttemptAt: toDateOrNull(row.next_attempt_at),
    lastError: toStringOrNull(row.last_error),
    leaseOwner: toStringOrNull(row.lease_owner),
    leaseExpiresAt: toDateOrNull(row.lease_expires_at),
    createdAt: toDate(row.created_at),
  };
}
