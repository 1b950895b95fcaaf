import { describe, expect, it } from 'vitest';
import { dialects, useStorage } from './contract-setup.test-helpers.js';

describe.each(dialects)('entity refs, replay guard and watermarks on $name', (dialect) => {
  const h = useStorage(dialect);

  it('gives each host id a stable positive alias per kind, and maps it back', async () => {
    const a = await h.storage.entityRefs.aliasOf('order', 'order_01HXYZ');
    const b = await h.storage.entityRefs.aliasOf('order', 'order_01HABC');
    expect(a).toBeGreaterThan(0);
    expect(b).not.toBe(a);
    expect(await h.storage.entityRefs.aliasOf('order', 'order_01HXYZ')).toBe(a);
    const customer = await h.storage.entityRefs.aliasOf('customer', 'order_01HXYZ');
    expect(customer).not.toBe(a);
    expect(await h.storage.entityRefs.hostIdOf('order', a)).toBe('order_01HXYZ');
    expect(await h.storage.entityRefs.hostIdOf('customer', a)).toBeNull();
    expect(await h.storage.entityRefs.hostIdOf('order', 999_999)).toBeNull();
  });

  it('hands out one alias to racing first uses', async () => {
    const other = await h.open();
    const aliases = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : h.storage).entityRefs.aliasOf('invoice', 'inv_race')),
    );
    expect(new Set(aliases).size).toBe(1);
  });

  it('remembers a jti until it expires, then lets it be recorded again', async () => {
    const expiresAt = new Date(h.clock.now().getTime() + 300_000);
    expect(await h.storage.replayGuard.remember('jti-1', expiresAt)).toBe(true);
    expect(await h.storage.replayGuard.remember('jti-1', expiresAt)).toBe(false);
    expect(await h.storage.replayGuard.remember('jti-2', expiresAt)).toBe(true);
    h.clock.advance(300_000);
    expect(await h.storage.replayGuard.remember('jti-1', new Date(h.clock.now().getTime() + 300_000))).toBe(true);
    expect(await h.storage.replayGuard.remember('jti-1', new Date(h.clock.now().getTime() + 300_000))).toBe(false);
  });

  it('lets exactly one of racing uses of a jti through', async () => {
    const other = await h.open();
    const expiresAt = new Date(h.clock.now().getTime() + 300_000);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? other : h.storage).replayGuard.remember('jti-race', expiresAt)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('purges expired jtis only', async () => {
    const now = h.clock.now().getTime();
    await h.storage.replayGuard.remember('old', new Date(now + 1_000));
    await h.storage.replayGuard.remember('live', new Date(now + 600_000));
    expect(await h.storage.replayGuard.purgeExpired(new Date(now + 1_000))).toBe(1);
    expect(await h.storage.replayGuard.remember('live', new Date(now + 600_000))).toBe(false);
  });

  it('stores named watermarks', async () => {
    expect(await h.storage.watermarks.get('reconcile:sage_accounting:invoice')).toBeNull();
    const at = new Date('2026-04-30T23:59:59.123Z');
    await h.storage.watermarks.set('reconcile:sage_accounting:invoice', { at, afterId: 41 });
    await h.storage.watermarks.set('reconcile:sage_accounting:invoice', { at, afterId: 42 });
    expect(await h.storage.watermarks.get('reconcile:sage_accounting:invoice')).toEqual({ at, afterId: 42 });
    await expect(h.storage.watermarks.set('x', { at, afterId: -1 })).rejects.toThrow(/afterId/);
  });
});
