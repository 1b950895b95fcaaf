import { describe, expect, it } from 'vitest';
import { dialects, useStorage } from './contract-setup.test-helpers.js';

const P = 'sage_accounting';
const CREDENTIALS = { tenantId: 'tenant-a', encryptedMasterKey: 'k1:sealed', ledgerBaseUrl: 'https://ledger.example' };

describe.each(dialects)('connection store on $name', (dialect) => {
  const h = useStorage(dialect);
  const issuedAt = new Date('2026-05-01T09:00:00Z');
  const pairedAt = new Date('2026-05-01T09:05:00Z');

  it('stores a pairing code, then completes pairing exactly once with it', async () => {
    expect(await h.storage.connections.get(P)).toBeNull();
    await h.storage.connections.setPairingCode(P, 'hash-1', issuedAt);
    expect(await h.storage.connections.get(P)).toEqual({
      provider: P, tenantId: null, encryptedMasterKey: null, ledgerBaseUrl: null,
      pairingCodeHash: 'hash-1', pairingCodeIssuedAt: issuedAt, pairedAt: null,
    });
    expect(await h.storage.connections.completePairing(P, 'wrong', CREDENTIALS, pairedAt)).toBe(false);
    expect(await h.storage.connections.completePairing(P, 'hash-1', CREDENTIALS, pairedAt)).toBe(true);
    expect(await h.storage.connections.get(P)).toEqual({
      provider: P, tenantId: 'tenant-a', encryptedMasterKey: 'k1:sealed', ledgerBaseUrl: 'https://ledger.example',
      pairingCodeHash: null, pairingCodeIssuedAt: null, pairedAt,
    });
    expect(await h.storage.connections.completePairing(P, 'hash-1', { ...CREDENTIALS, tenantId: 'evil' }, pairedAt)).toBe(false);
    expect((await h.storage.connections.get(P))?.tenantId).toBe('tenant-a');
  });

  it('lets only one of several racing pairings with the same code win', async () => {
    await h.storage.connections.setPairingCode(P, 'hash-race', issuedAt);
    const other = await h.open();
    const results = await Promise.all(
      ['t1', 't2', 't3', 't4'].map((tenantId, i) =>
        (i % 2 ? other : h.storage).connections.completePairing(P, 'hash-race', { ...CREDENTIALS, tenantId }, pairedAt),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ['t1', 't2', 't3', 't4'][results.indexOf(true)];
    expect((await h.storage.connections.get(P))?.tenantId).toBe(winner);
  });

  it('a new code replaces the old one at once', async () => {
    await h.storage.connections.setPairingCode(P, 'old', issuedAt);
    await h.storage.connections.setPairingCode(P, 'new', pairedAt);
    expect(await h.storage.connections.completePairing(P, 'old', CREDENTIALS, pairedAt)).toBe(false);
    expect(await h.storage.connections.completePairing(P, 'new', CREDENTIALS, pairedAt)).toBe(true);
  });

  it('clearCredentials forgets tenant, key and code but keeps the ledger base URL', async () => {
    await h.storage.connections.setPairingCode(P, 'hash-1', issuedAt);
    await h.storage.connections.completePairing(P, 'hash-1', CREDENTIALS, pairedAt);
    await h.storage.connections.setPairingCode(P, 'hash-2', issuedAt);
    await h.storage.connections.clearCredentials(P);
    expect(await h.storage.connections.get(P)).toEqual({
      provider: P, tenantId: null, encryptedMasterKey: null, ledgerBaseUrl: 'https://ledger.example',
      pairingCodeHash: null, pairingCodeIssuedAt: null, pairedAt: null,
    });
  });

  it('keeps one row per provider and lists them', async () => {
    await h.storage.connections.setPairingCode('xero', 'x', issuedAt);
    await h.storage.connections.setPairingCode(P, 's', issuedAt);
    expect((await h.storage.connections.list()).map((c) => c.provider)).toEqual([P, 'xero']);
    await expect(h.storage.connections.setPairingCode('', 'x', issuedAt)).rejects.toThrow(/`provider`/);
    await expect(h.storage.connections.completePairing(P, 's', { ...CREDENTIALS, tenantId: '' }, pairedAt)).rejects.toThrow(/tenantId/);
    expect((await h.storage.connections.get(P))?.tenantId).toBeNull();
  });
});
