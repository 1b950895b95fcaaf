import { type AesGcmSecretBox, type Byte8Storage, createStorage, OAuthAccessError } from '@byte8/client';
import { type TestDatabase, testDialects } from '@byte8/testkit';
import { SAGE_SEED, type SageApiSimulator } from '@byte8/testkit/sage-api';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SageDirectConnection } from './sage-direct-connection.js';
import { attach, CLIENT, capturingLogger, connectAs, movableClock, startSim } from './sage-direct.test-helpers.js';

const { north, south, solo } = SAGE_SEED.businesses;
const contact = (name: string) => ({ contact: { name, contact_type_ids: ['CUSTOMER'] } });

describe.each(testDialects())('Sage direct mode on $name, against the Sage simulator', (dialect) => {
  let sim: SageApiSimulator;
  let database: TestDatabase;
  let storage: Byte8Storage;
  let sage: SageDirectConnection;
  let box: AesGcmSecretBox;
  let logs: ReturnType<typeof capturingLogger>;
  const clock = movableClock();
  const rawRow = async () => JSON.stringify((await sql`SELECT * FROM byte8_oauth_connection`.execute(storage.db)).rows);
  /** Both clocks on: the simulator's (token lifetimes) and the store's (expiry checks). */
  const advance = (ms: number) => {
    sim.advance(ms);
    clock.advance(ms);
  };

  beforeAll(async () => {
    sim = await startSim();
    database = await dialect.createDatabase();
    storage = await createStorage(database.dialect === 'pg' ? { databaseUrl: database.url, clock } : { pglite: database.pglite, clock });
  });
  beforeEach(async () => {
    await sql`TRUNCATE byte8_oauth_connection, byte8_event_outbox`.execute(storage.db);
    logs = capturingLogger();
    ({ sage, box } = attach(sim, storage, { clock, logger: logs.logger }));
    sim.reset();
  });
  afterEach(() => sage.close());
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
    await sim?.stop();
  });

  it('connects a user with two businesses, lets the second be chosen, and posts there', async () => {
    const { outcome } = await connectAs(sage, SAGE_SEED.users.multi.id);
    expect(outcome).toMatchObject({ ok: true, kind: 'business_needed', message: 'Connected to Sage. Choose the business this store posts to.' });
    expect((await sage.status()).state).toBe('business_needed');
    // Nothing is posted before a business is chosen.
    await expect(sage.api.post('/contacts', contact('Too early'))).rejects.toMatchObject({ name: 'OAuthAccessError', failure: 'business_needed' });
    expect(await sage.listBusinesses()).toEqual([
      { id: north.id, name: 'North Shop Ltd' },
      { id: south.id, name: 'South Shop Ltd' },
    ]);
    expect(await sage.chooseBusiness(solo.id)).toMatchObject({ ok: false, kind: 'unknown_business' });
    expect(await sage.chooseBusiness(south.id)).toMatchObject({ ok: true, kind: 'connected', message: 'Connected to Sage: South Shop Ltd.', business: { id: south.id } });
    expect(await sage.status()).toMatchObject({ state: 'connected', label: 'Connected to Sage: South Shop Ltd', business: { id: south.id, name: 'South Shop Ltd' } });
    expect((await sage.api.post('/contacts', contact('Ada'))).status).toBe(201);
    expect(sim.business(south.id).list('contacts').map((c) => c.name)).toEqual(['Ada']);
    expect(sim.business(north.id).list('contacts')).toEqual([]);
    expect(await sage.chooseBusiness(north.id)).toMatchObject({ ok: false, kind: 'not_connected' });
  });

  it('connects a single-business user straight away; tokens are sealed at rest and never logged', async () => {
    const { outcome, callback, binding } = await connectAs(sage, SAGE_SEED.users.solo.id);
    expect(outcome).toMatchObject({ ok: true, kind: 'connected', business: { id: solo.id, name: 'Solo Shop Ltd' } });
    const { accessToken } = await sage.tokens.access();
    const row = (await sql<{ refresh_token_sealed: string; access_token_sealed: string }>`SELECT * FROM byte8_oauth_connection`.execute(storage.db)).rows[0]!;
    expect(row.access_token_sealed).toMatch(/^v1:k1:/);
    expect(box.open(row.access_token_sealed)).toBe(accessToken);
    const secrets = [accessToken, box.open(row.refresh_token_sealed), CLIENT.clientSecret, callback.searchParams.get('code')!, callback.searchParams.get('state')!, binding];
    const raw = await rawRow();
    for (const secret of secrets) expect(raw).not.toContain(secret);
    expect(raw).not.toContain(accessToken.split('.')[1]!);
    await sage.api.get('/user');
    const logged = logs.text();
    expect(logged).toContain('OAuth connection stored');
    for (const secret of secrets) expect(logged).not.toContain(secret);
  });

  it('refreshes an expired access token exactly once for many callers, and keeps the new one', async () => {
    await connectAs(sage, SAGE_SEED.users.solo.id);
    const before = (await sage.tokens.access()).accessToken;
    advance(301_000);
    const answers = await Promise.all(Array.from({ length: 8 }, () => sage.api.get('/user')));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(sim.stats.tokenGrants.refresh_token).toBe(1);
    expect(sim.stats.tokenErrors).toEqual({});
    const after = await sage.tokens.access();
    expect(after.accessToken).not.toBe(before);
    expect((await storage.oauthConnections.get('sage_accounting'))?.refreshedAt?.getTime()).toBeGreaterThan(clock.now().getTime() - 10_000);
    await sage.api.get('/user');
    expect(sim.stats.tokenGrants.refresh_token).toBe(1);
  });

  it('leaves the connection as it is when the refresh fails transiently', async () => {
    await connectAs(sage, SAGE_SEED.users.solo.id);
    const stored = await storage.oauthConnections.get('sage_accounting');
    advance(301_000);
    sim.faults.failNext(1, 503, undefined, { path: '/token' });
    const error = await sage.api.get('/user').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthAccessError);
    expect(error).toMatchObject({ failure: 'transient', retryable: true });
    expect(await storage.oauthConnections.get('sage_accounting')).toEqual(stored);
    expect((await sage.api.get('/user')).status).toBe(200);
    expect(sim.stats.tokenGrants.refresh_token).toBe(1);
  });

  it('marks the connection reconnect_needed when Sage revokes the app, keeps everything, and reconnects to the same business', async () => {
    await connectAs(sage, SAGE_SEED.users.multi.id);
    await sage.chooseBusiness(south.id);
    sim.revokeApp(SAGE_SEED.users.multi.id);
    const error = await sage.api.post('/contacts', contact('After revoke')).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OAuthAccessError', failure: 'reconnect_needed', retryable: false });
    expect(sim.stats.tokenErrors.invalid_grant).toBe(1);
    const view = await sage.status();
    expect(view).toMatchObject({ state: 'reconnect_needed', label: 'Reconnect to Sage needed', business: { id: south.id } });
    expect(view.reason).toMatch(/Sage refused the refresh token \(invalid_grant\)/);
    const record = await storage.oauthConnections.get('sage_accounting');
    expect(record?.tokens).not.toBeNull();
    await expect(sage.api.get('/user')).rejects.toMatchObject({ failure: 'reconnect_needed' });
    expect(sim.stats.tokenGrants.refresh_token).toBe(0);
    const again = await connectAs(sage, SAGE_SEED.users.multi.id);
    expect(again.outcome).toMatchObject({ kind: 'connected', business: { id: south.id } });
    expect((await sage.status()).reason).toBeNull();
  });

  it('disconnects: revokes at Sage, kills the refresh token, clears the tokens, keeps the outbox', async () => {
    await connectAs(sage, SAGE_SEED.users.solo.id);
    await storage.outbox.enqueue([{ provider: 'sage_accounting', tenantId: null, eventName: 'invoice.created', idempotencyKey: 'invoice.created:1', body: '{}', entityType: 'invoice', entityId: 1, upsert: false }]);
    const sealed = (await storage.oauthConnections.get('sage_accounting'))!.tokens!.sealedRefreshToken;
    expect(await sage.disconnect()).toEqual({ wasConnected: true, revoked: true });
    expect(sim.stats.revocations).toBe(1);
    const refreshToken = box.open(sealed);
    await expect(sage.oauth.refresh(refreshToken)).rejects.toMatchObject({ failure: 'invalid_grant' });
    expect(await storage.oauthConnections.get('sage_accounting')).toMatchObject({ status: 'disconnected', tokens: null, business: { id: solo.id } });
    expect((await storage.outbox.list({ provider: 'sage_accounting' })).total).toBe(1);
    expect(await sage.disconnect()).toEqual({ wasConnected: false, revoked: false });
    expect((await sage.status()).state).toBe('not_connected');
  });

  it('a denied consent says so and stores nothing', async () => {
    const { outcome } = await connectAs(sage, SAGE_SEED.users.solo.id, 'deny');
    expect(outcome).toMatchObject({ ok: false, kind: 'denied', message: 'Sage access was not granted: the sign-in was cancelled or denied. Nothing was changed.' });
    expect((await storage.oauthConnections.get('sage_accounting'))?.tokens ?? null).toBeNull();
    expect(sim.stats.tokenGrants.authorization_code).toBe(0);
  });

  it('refuses tokens sealed under another key, and a refresh refused for the client, without changing the connection', async () => {
    await connectAs(sage, SAGE_SEED.users.solo.id);
    const stored = await storage.oauthConnections.get('sage_accounting');
    const otherKey = attach(sim, storage, { clock }).sage;
    await expect(otherKey.tokens.access()).rejects.toMatchObject({ name: 'OAuthAccessError', failure: 'undecryptable', retryable: false });
    await otherKey.close();
    advance(301_000);
    // The same key ring, but a client secret Sage no longer accepts.
    const misconfigured = attach(sim, storage, { clock, box, logger: logs.logger, extra: { clientSecret: 'rotated-away' } }).sage;
    const error = await misconfigured.tokens.access().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OAuthAccessError', failure: 'rejected', retryable: false });
    expect((error as Error).message).toMatch(/invalid_client/);
    expect((error as Error).message).not.toContain('rotated-away');
    expect(await storage.oauthConnections.get('sage_accounting')).toEqual(stored);
    await misconfigured.close();
    expect((await sage.api.get('/user')).status).toBe(200);
  });
});
