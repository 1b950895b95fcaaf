import { describe, expect, it } from 'vitest';
import { parsePluginOptions } from './plugin-options.js';

describe('parsePluginOptions', () => {
  it('accepts the minimal registration and fills defaults', () => {
    const options = parsePluginOptions({ providers: ['sage_accounting'], database: { clientUrl: 'postgres://x' } });
    expect(options.providers).toEqual(['sage_accounting']);
    expect(options.production).toBe(false);
    expect(options.worker.inJob).toBe(true);
    expect(options.reconciliation).toEqual({ enabled: true, maxPerPass: 1000, settleMs: 60_000 });
    expect(options.websiteId).toBe(1);
  });

  it('fails closed naming the setting', () => {
    expect(() => parsePluginOptions({})).toThrow(/"providers"/);
    expect(() => parsePluginOptions({ providers: [] })).toThrow(/"providers": list at least one provider/);
    expect(() => parsePluginOptions({ providers: ['x'], ledgerUrl: 'not a url' })).toThrow(/"ledgerUrl"/);
    expect(() => parsePluginOptions({ providers: ['x'], worker: { batchSize: 0 } })).toThrow(/"worker.batchSize"/);
    expect(() => parsePluginOptions({ providers: ['x'], wrokerr: {} })).toThrow(/wrokerr/);
    expect(() => parsePluginOptions({ providers: ['x'], direct: [{ resolve: '' }] })).toThrow(/"direct.0/);
    expect(() => parsePluginOptions({ providers: ['x'], direct: ['@byte8/sage-direct'] })).toThrow(/"direct.0"/);
    expect(parsePluginOptions({ providers: ['x'], direct: [{ resolve: '@byte8/sage-direct' }] }).direct).toEqual([{ resolve: '@byte8/sage-direct', options: {} }]);
  });

  it('requires encryption keys in production, and an active key among them', () => {
    expect(() => parsePluginOptions({ providers: ['x'], production: true })).toThrow(/"encryption": is required when production/);
    expect(() =>
      parsePluginOptions({ providers: ['x'], encryption: { keys: { k1: 'a' }, activeKeyId: 'k2' } }),
    ).toThrow(/"encryption.activeKeyId"/);
  });
});
