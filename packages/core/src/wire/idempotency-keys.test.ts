import { describe, expect, it } from 'vitest';
import { derivedEventKey, disconnectKey, eventKey, jtiCacheKey, versionedEventKey } from './idempotency-keys.js';
import { entityTypeOfEvent } from './event-names.js';

describe('idempotency keys (wire-contract §6.10)', () => {
  it('builds the observer keys', () => {
    expect(eventKey('invoice.created', 42)).toBe('invoice.created:42');
    expect(eventKey('product.upserted', 9)).toBe('product.upserted:9');
  });

  it('keeps the plain key for the first upsert and versions later ones (design §5)', () => {
    expect(versionedEventKey('customer.upserted', 5, 1)).toBe('customer.upserted:5');
    expect(versionedEventKey('customer.upserted', 5, 2)).toBe('customer.upserted:5:v2');
  });

  it('derives keys from sha1 of the body', () => {
    expect(derivedEventKey('invoice.created', '{}')).toBe('invoice.created:bf21a9e8fbc5a3846fb05b4fa0859e0917b2202f');
    expect(disconnectKey('00000000-0000-4000-8000-000000000001')).toMatch(/^disconnect:[0-9a-f]{40}$/);
  });

  it('matches the spec jti cache key vector (§3.3.2)', () => {
    expect(jtiCacheKey('66666666-7777-4888-9999-aaaaaaaaaaaa')).toBe('byte8_jti:28e2ba5146834a9faf92e7997c647158ad3d6456');
  });

  it('maps event prefixes to mirror entity types', () => {
    expect(entityTypeOfEvent('invoice.paid')).toBe('invoice');
    expect(entityTypeOfEvent('creditmemo.created')).toBe('creditmemo');
    expect(entityTypeOfEvent('order.placed')).toBeNull();
  });
});
