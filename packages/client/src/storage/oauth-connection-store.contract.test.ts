import { createHash } from 'node:crypto';
import type { OAuthConnectionStore, SealedOAuthTokens } from '@byte8/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { gate } from '../testing/gate.test-helpers.js';
import { dialects, useStorage } from './contract-setup.test-helpers.js';

const P = 'sage_accounting';
const hash = (value: string) => createHash('sha256').update(value).digest('hex');
const NORTH = { id: 'b'.repeat(32), name: 'North Shop Ltd' };

function tokens(n: number, at = new Date('2026-05-01T10:05:00Z')): SealedOAuthTokens {
  return { sealedAccessToken: `v1:k1:access-${n}`, accessTokenExpiresAt: at, sealedRefreshToken: `v1:k1:refresh-${n}`, refreshTokenExpiresAt: new Date('2026-06-01T10:00:00Z'), scope: 'full_access' };
}

const start = (state: string, browser: string, expiresAt = new Date('2026-05-01T10:10:00Z')) => ({
  stateHash: hash(state),
  browserHash: hash(browser),
  sealedVerifier: `v1:k1:verifier-${state}`,
  expiresAt,
});

describe.each(dialects)('OAuth connection store on $name', (dialect) => {
  const h = useStorage(dialect);
  const store = (): OAuthConnectionStore => h.storage.oauthConnections;
  const rowCount = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM byte8_oauth_connection`.execute(h.storage.db)).rows[0]!.n);

  it('uses up a pending state once, and only from the browser that started it', async () => {
    expect(await store().get(P)).toBeNull();
    await store().startAuthorization(P, start('state-1', 'browser-1'));
    const pending = await store().get(P);
    expect(pending).toMatchObject({ provider: P, status: 'disconnected', tokens: null, business: null, authorizationExpiresAt: new Date('2026-05-01T10:10:00Z') });
    expect(await store().takeAuthorization(P, hash('state-1'), hash('browser-2'))).toEqual({ kind: 'other_browser' });
    expect(await store().takeAuthorization(P, hash('state-x'), hash('browser-1'))).toEqual({ kind: 'unknown' });
    expect(await store().takeAuthorization(P, hash('state-1'), hash('browser-1'))).toEqual({
      kind: 'taken',
      sealedVerifier: 'v1:k1:verifier-state-1',
      expiresAt: new Date('2026-05-01T10:10:00Z'),
    });
    expect(await store().takeAuthorization(P, hash('state-1'), hash('browser-1'))).toEqual({ kind: 'unknown' });
    expect((await store().get(P))?.authorizationExpiresAt).toBeNull();
  });

  it('a new connect replaces the one in flight at once', async () => {
    await store().startAuthorization(P, start('old', 'browser'));
    await store().startAuthorization(P, start('new', 'browser'));
    expect((await store().takeAuthorization(P, hash('old'), hash('browser'))).kind).toBe('unknown');
    expect((await store().takeAuthorization(P, hash('new'), hash('browser'))).kind).toBe('taken');
  });

  it('lets exactly one of racing callbacks with the same state through', async () => {
    await store().startAuthorization(P, start('race', 'browser'));
    const other = await h.open();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? other : h.storage).oauthConnections.takeAuthorization(P, hash('race'), hash('browser'))),
    );
    expect(outcomes.filter((o) => o.kind === 'taken')).toHaveLength(1);
  });

  it('stores a grant with its business, or waits for the business to be chosen', async () => {
    const saved = await store().saveGrant(P, { tokens: tokens(1), grantedBy: 'user-1', business: null });
    expect(saved).toMatchObject({ status: 'business_needed', business: null, grantedBy: 'user-1', tokens: tokens(1), statusReason: null, connectedAt: h.clock.now() });
    expect(await store().chooseBusiness(P, NORTH)).toBe(true);
    expect(await store().get(P)).toMatchObject({ status: 'connected', business: NORTH });
    // Only a connection waiting for its business takes a choice.
    expect(await store().chooseBusiness(P, { id: 'c'.repeat(32), name: 'South' })).toBe(false);
    expect((await store().get(P))?.business).toEqual(NORTH);
    expect(await store().chooseBusiness('xero', NORTH)).toBe(false);
  });

  it('keeps a refused grant (reconnect needed) and clears it only on disconnect, keeping the business', async () => {
    await store().saveGrant(P, { tokens: tokens(1), grantedBy: 'user-1', business: NORTH });
    expect(await store().markReconnectNeeded(P, 'Sage refused the refresh token (invalid_grant).')).toBe(true);
    expect(await store().get(P)).toMatchObject({ status: 'reconnect_needed', statusReason: 'Sage refused the refresh token (invalid_grant).', tokens: tokens(1), business: NORTH });
    expect(await store().clearTokens(P)).toBe(true);
    expect(await store().get(P)).toMatchObject({ status: 'disconnected', statusReason: null, tokens: null, business: NORTH, grantedBy: 'user-1' });
    expect(await store().clearTokens(P)).toBe(false);
    expect(await store().markReconnectNeeded(P, 'late')).toBe(false);
    expect((await store().get(P))?.status).toBe('disconnected');
    expect(await store().clearTokens('xero')).toBe(false);
    const again = await store().saveGrant(P, { tokens: tokens(2), grantedBy: 'user-1', business: NORTH });
    expect(again).toMatchObject({ status: 'connected', tokens: tokens(2) });
  });

  it('applies what a locked decision returns, and nothing when it throws', async () => {
    await store().saveGrant(P, { tokens: tokens(1), grantedBy: null, business: NORTH });
    h.clock.advance(60_000);
    expect(await store().withLockedConnection(P, async (current) => ({ change: { kind: 'tokens', tokens: tokens(2) }, result: current?.tokens?.sealedAccessToken }))).toBe('v1:k1:access-1');
    expect(await store().get(P)).toMatchObject({ tokens: tokens(2), refreshedAt: h.clock.now(), status: 'connected' });
    await expect(store().withLockedConnection(P, async () => {
      throw new Error('token endpoint timed out');
    })).rejects.toThrow('token endpoint timed out');
    await expect(store().withLockedConnection(P, async () => ({ change: { kind: 'tokens', tokens: { ...tokens(3), sealedAccessToken: '' } }, result: 0 }))).rejects.toThrow(/sealedAccessToken/);
    await expect(store().withLockedConnection(P, async () => ({ change: { kind: 'bogus' } as never, result: 0 }))).rejects.toThrow(/change.kind/);
    expect((await store().get(P))?.tokens).toEqual(tokens(2));
    expect(await store().withLockedConnection(P, async () => ({ change: { kind: 'reconnect_needed', reason: 'invalid_grant' }, result: 'marked' }))).toBe('marked');
    expect(await store().get(P)).toMatchObject({ status: 'reconnect_needed', statusReason: 'invalid_grant', tokens: tokens(2) });
    await store().withLockedConnection(P, async () => ({ change: { kind: 'clear' }, result: null }));
    expect(await store().get(P)).toMatchObject({ status: 'disconnected', tokens: null, business: NORTH });
    expect(await store().withLockedConnection('xero', async (current) => ({ change: { kind: 'keep' }, result: current }))).toBeNull();
  });

  it('makes a second locked decision wait for the first and see its tokens', async () => {
    await store().saveGrant(P, { tokens: tokens(1), grantedBy: null, business: NORTH });
    // PGlite is one session: a second storage on it would share the transaction, so both go through one.
    const other = dialect.name === 'pg' ? await h.open() : h.storage;
    const entered = gate();
    const release = gate();
    const seen: string[] = [];
    const first = store().withLockedConnection(P, async (current) => {
      seen.push(`first saw ${current?.tokens?.sealedAccessToken}`);
      entered.open();
      await release.opened;
      return { change: { kind: 'tokens', tokens: tokens(2) }, result: null };
    });
    await entered.opened;
    const second = other.oauthConnections.withLockedConnection(P, async (current) => {
      seen.push(`second saw ${current?.tokens?.sealedAccessToken}`);
      return { change: { kind: 'keep' }, result: null };
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual(['first saw v1:k1:access-1']);
    release.open();
    await Promise.all([first, second]);
    expect(seen).toEqual(['first saw v1:k1:access-1', 'second saw v1:k1:access-2']);
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const huge = 'x'.repeat(16_385);
    const refusals: Array<[() => Promise<unknown>, RegExp]> = [
      [() => store().startAuthorization('', start('s', 'b')), /`provider` must be a non-empty string/],
      [() => store().startAuthorization('p'.repeat(33), start('s', 'b')), /`provider` is longer than 32/],
      [() => store().startAuthorization(42 as never, start('s', 'b')), /`provider`/],
      [() => store().startAuthorization(P, { ...start('s', 'b'), stateHash: 'STATE' }), /start.stateHash.*SHA-256/],
      [() => store().startAuthorization(P, { ...start('s', 'b'), browserHash: hash('b').toUpperCase() }), /start.browserHash/],
      [() => store().startAuthorization(P, { ...start('s', 'b'), sealedVerifier: huge }), /start.sealedVerifier` is longer than 16384/],
      [() => store().startAuthorization(P, { ...start('s', 'b'), expiresAt: new Date('nope') }), /start.expiresAt` must be a valid Date/],
      [() => store().startAuthorization(P, null as never), /`start` must be an object/],
      [() => store().saveGrant(P, { tokens: { ...tokens(1), sealedRefreshToken: huge }, grantedBy: null, business: null }), /tokens.sealedRefreshToken/],
      [() => store().saveGrant(P, { tokens: { ...tokens(1), accessTokenExpiresAt: '2026-05-01' as never }, grantedBy: null, business: null }), /accessTokenExpiresAt/],
      [() => store().saveGrant(P, { tokens: tokens(1), grantedBy: 7 as never, business: null }), /grant.grantedBy/],
      [() => store().saveGrant(P, { tokens: tokens(1), grantedBy: null, business: { id: 'b', name: 'n'.repeat(256) } }), /grant.business.name` is longer than 255/],
      [() => store().saveGrant(P, { tokens: tokens(1), grantedBy: null, business: { id: 5, name: 'n' } as never }), /grant.business.id/],
      [() => store().saveGrant(P, { tokens: null as never, grantedBy: null, business: null }), /`tokens` must be an object/],
      [() => store().chooseBusiness(P, { id: 'b'.repeat(65), name: 'n' }), /business.id` is longer than 64/],
      [() => store().chooseBusiness(P, null as never), /business/],
      [() => store().markReconnectNeeded(P, 'r'.repeat(501)), /`reason` is longer than 500/],
      [() => store().markReconnectNeeded(P, '' as never), /`reason`/],
      [() => store().takeAuthorization(P, 'short', hash('b')), /stateHash/],
      [() => store().withLockedConnection(P, 'nope' as never), /`decide` must be a function/],
    ];
    for (const [call, message] of refusals) await expect(call()).rejects.toThrow(message);
    expect(await rowCount()).toBe(0);
    await store().saveGrant(P, { tokens: tokens(1), grantedBy: null, business: NORTH });
    await expect(store().withLockedConnection(P, async () => ({ change: { kind: 'reconnect_needed', reason: 'r'.repeat(501) }, result: 0 }))).rejects.toThrow(/`reason` is longer than 500/);
    expect(await store().get(P)).toMatchObject({ status: 'connected', tokens: tokens(1) });
  });

  it('lets the table itself refuse a usable status without tokens', async () => {
    await expect(sql`INSERT INTO byte8_oauth_connection (provider, status) VALUES ('x', 'connected')`.execute(h.storage.db)).rejects.toThrow(/byte8_oauth_connection_tokens_ck/);
    await expect(sql`INSERT INTO byte8_oauth_connection (provider, status) VALUES ('x', 'paused')`.execute(h.storage.db)).rejects.toThrow(/byte8_oauth_connection_status_ck/);
    expect(await store().list()).toEqual([]);
  });
});
