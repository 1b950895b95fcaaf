import { ENTITY_TYPES, type OutboxEventInput } from '@byte8/core';

// Room for the `:v{n}` suffix of versioned upsert keys inside varchar(128).
const MAX_UPSERT_KEY_LENGTH = 118;

function fail(index: number, message: string): never {
  throw new TypeError(`enqueue: event ${index}: ${message}`);
}

function checkString(index: number, name: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.length === 0) fail(index, `\`${name}\` must be a non-empty string`);
  if (value.length > max) fail(index, `\`${name}\` is longer than ${max} characters`);
}

/** Rejects an event the table cannot hold, before anything is written. */
export function validateOutboxEvent(event: OutboxEventInput, index: number): void {
  if (typeof event !== 'object' || event === null) fail(index, 'must be an object');
  checkString(index, 'provider', event.provider, 32);
  if (event.tenantId !== null) checkString(index, 'tenantId', event.tenantId, 64);
  checkString(index, 'eventName', event.eventName, 64);
  checkString(index, 'idempotencyKey', event.idempotencyKey, event.upsert ? MAX_UPSERT_KEY_LENGTH : 128);
  if (typeof event.body !== 'string') fail(index, '`body` must be a string');
  if (event.entityType !== null && !(ENTITY_TYPES as readonly string[]).includes(event.entityType)) {
    fail(index, `\`entityType\` must be one of ${ENTITY_TYPES.join(', ')} or null`);
  }
  if (event.entityId !== null && !(Number.isSafeInteger(event.entityId) && event.entityId > 0)) {
    fail(index, '`entityId` must be a positive integer or null');
  }
  if ((event.entityType === null) !== (event.entityId === null)) {
    fail(index, '`entityType` and `entityId` must both be set or both be null');
  }
  if (typeof event.upsert !== 'boolean') fail(index, '`upsert` must be a boolean');
  if (event.upsert && event.entityId === null) fail(index, 'an upsert needs `entityType` and `entityId`');
}
