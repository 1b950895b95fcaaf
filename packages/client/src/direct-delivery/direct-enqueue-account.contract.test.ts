import { describe, expect, it } from 'vitest';
import { dialects, useStorage } from '../storage/contract-setup.test-helpers.js';
import { directEnqueueAccount } from './direct-enqueue-account.js';

const P = 'sage_accounting';
const NORTH = { id: 'b'.repeat(32), name: 'North Shop Ltd' };
const tokens = { sealedAccessToken: 'v1:k1:access', accessTokenExpiresAt: new Date('2026-05-01T10:05:00Z'), sealedRefreshToken: 'v1:k1:refresh', refreshTokenExpiresAt: new Date('2026-06-01T10:00:00Z'), scope: 'full_access' };

describe.each(dialects)('the account a direct-mode row is addressed to, on $name', (dialect) => {
  // On MySQL behind a prefix, as a shop sharing its database keeps the connector's tables.
  const h = useStorage(dialect, dialect.name === 'mysql' ? { tablePrefix: 'shop_' } : {});

  it('is the chosen business once connected, none before', async () => {
    const accountOf = directEnqueueAccount(h.storage);
    expect(await accountOf(P)).toBeNull();
    await h.storage.oauthConnections.saveGrant(P, { tokens, grantedBy: 'user-1', business: null });
    expect(await accountOf(P)).toBeNull();
    await h.storage.oauthConnections.chooseBusiness(P, NORTH);
    expect(await accountOf(P)).toBe(NORTH.id);
    expect(await accountOf('xero')).toBeNull();
  });

  it('reads through the host transaction it is given', async () => {
    const accountOf = directEnqueueAccount(h.storage);
    await h.storage.oauthConnections.saveGrant(P, { tokens, grantedBy: 'user-1', business: NORTH });
    // On PGlite (one session) a read beside the open transaction would wait for it forever.
    await h.storage.db.transaction().execute(async (trx) => {
      expect(await accountOf(P, trx)).toBe(NORTH.id);
    });
    if (dialect.name === 'mysql') {
      // The host's own mysql2 connection, as an Express shop on mysql2 passes it.
      const host = await h.mysqlConnection();
      await host.beginTransaction();
      expect(await accountOf(P, host)).toBe(NORTH.id);
      await host.rollback();
    }
    await expect(accountOf(P, 42 as never)).rejects.toThrow(/`transaction` must be/);
  });
});
