import { createHash } from 'node:crypto';
import type { WireEventName } from './event-names.js';

const sha1Hex = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** `invoice.created:{id}` and friends (wire-contract §6.10). */
export function eventKey(event: WireEventName | string, entityId: number): string {
  return `${event}:${entityId}`;
}

/**
 * The key of the n-th delivery of an upsert event (design §5). The first keeps
 * the contract's plain key so the ledger sees what Magento would have sent.
 */
export function versionedEventKey(event: WireEventName | string, entityId: number, version: number): string {
  const base = eventKey(event, entityId);
  return version <= 1 ? base : `${base}:v${version}`;
}

/** Key derived from the body when none is given: `{event}:{sha1(body)}`. */
export function derivedEventKey(event: string, body: string): string {
  return `${event}:${sha1Hex(body)}`;
}

/** `Idempotency-Key` of `POST /v1/tenant/disconnect` (wire-contract §5.1). */
export function disconnectKey(tenantId: string): string {
  return `disconnect:${sha1Hex(tenantId)}`;
}

/** Application-cache key of an inbound jti (wire-contract §3.3.2 step 7). */
export function jtiCacheKey(jti: string): string {
  return `byte8_jti:${sha1Hex(jti)}`;
}
