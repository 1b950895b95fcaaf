import { OAuthGrantError } from '@byte8/client';
import { completeSageConsent, s256Challenge, SAGE_SEED, type SageApiSimulator } from '@byte8/testkit/sage-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SageHttp } from '../http/sage-http.js';
import { resolveSageDirectOptions } from '../options/sage-direct-options.js';
import { CLIENT, REDIRECT_URI, simOptions, startSim } from '../sage-direct.test-helpers.js';
import { SageOAuthClient } from './sage-oauth-client.js';

const VERIFIER = 'pkce-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';

describe('SageOAuthClient against the Sage simulator (c.2)', () => {
  let sim: SageApiSimulator;
  let http: SageHttp;
  let oauth: SageOAuthClient;
  const clientWith = (extra: Parameters<typeof simOptions>[1] = {}, secret?: string) => {
    const { options, clientSecret } = resolveSageDirectOptions(simOptions(sim, extra));
    return new SageOAuthClient(options, secret ?? clientSecret, http);
  };

  beforeAll(async () => {
    sim = await startSim();
    http = new SageHttp({ connectTimeoutMs: 2_000, timeoutMs: 1_500, dispatcher: null });
    oauth = clientWith({ region: 'gb', locale: 'en-GB' });
  });
  afterEach(() => sim.faults.reset());
  afterAll(async () => {
    await http.close();
    await sim.stop();
  });

  const codeFor = async (state = 'state-1', userId: string = SAGE_SEED.users.solo.id) => {
    const { location } = await completeSageConsent({ authorizeUrl: oauth.authorizeUrl({ state, codeChallenge: s256Challenge(VERIFIER) }), userId });
    const callback = new URL(location!);
    expect(callback.searchParams.get('state')).toBe(state);
    return callback.searchParams.get('code')!;
  };
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthGrantError);
    return error as OAuthGrantError;
  };

  it('builds the authorize URL of c.2: v3.1 filter, code flow, exact redirect, state, PKCE S256, country', () => {
    const url = new URL(oauth.authorizeUrl({ state: 'st', codeChallenge: s256Challenge(VERIFIER) }));
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.url}/oauth2/auth/central`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      filter: 'apiv3.1',
      client_id: CLIENT.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'full_access',
      state: 'st',
      code_challenge: s256Challenge(VERIFIER),
      code_challenge_method: 'S256',
      country: 'gb',
      locale: 'en-GB',
    });
    expect(new URL(clientWith({ authorizeUrl: `${sim.url}/oauth2/auth/central` }).authorizeUrl({ state: 's', codeChallenge: 'c'.repeat(43) })).searchParams.get('filter')).toBe('apiv3.1');
  });

  it('exchanges a code once, refreshes with rotation, and a revoked refresh token is dead', async () => {
    const grant = await oauth.exchangeCode(await codeFor(), VERIFIER);
    expect(grant).toMatchObject({ expiresInSeconds: 300, refreshTokenExpiresInSeconds: 2_678_400, scope: 'full_access', grantedBy: SAGE_SEED.users.solo.id });
    expect(grant.accessToken).toMatch(/^eyJ/);
    const refreshed = await oauth.refresh(grant.refreshToken!);
    expect(refreshed.refreshToken).not.toBe(grant.refreshToken);
    // (c.2) refresh tokens are single use.
    expect((await refusal(oauth.refresh(grant.refreshToken!))).failure).toBe('invalid_grant');
    await oauth.revoke(refreshed.refreshToken!);
    expect(sim.stats.revocations).toBeGreaterThanOrEqual(1);
    const dead = await refusal(oauth.refresh(refreshed.refreshToken!));
    expect(dead).toMatchObject({ failure: 'invalid_grant', status: 400, oauthError: 'invalid_grant', retryable: false });
  });

  it('refuses a used code, a wrong verifier and a wrong client secret, saying which without the secret', async () => {
    const code = await codeFor('state-2');
    await oauth.exchangeCode(code, VERIFIER);
    expect((await refusal(oauth.exchangeCode(code, VERIFIER))).failure).toBe('invalid_grant');
    expect((await refusal(oauth.exchangeCode(await codeFor('state-3'), `${VERIFIER}-wrong`))).failure).toBe('invalid_grant');
    const wrongSecret = await refusal(clientWith({}, 'not-the-secret').exchangeCode(await codeFor('state-4'), VERIFIER));
    expect(wrongSecret).toMatchObject({ failure: 'rejected', status: 401, oauthError: 'invalid_client' });
    expect(wrongSecret.message).not.toContain('not-the-secret');
    expect(wrongSecret.message).not.toContain(CLIENT.clientSecret);
  });

  it('treats 5xx, 429, a dropped connection, a hang and a malformed answer as transient, leaving the refresh token usable', async () => {
    const grant = await oauth.exchangeCode(await codeFor('state-5'), VERIFIER);
    sim.faults.failNext(1, 503, undefined, { path: '/token' });
    expect(await refusal(oauth.refresh(grant.refreshToken!))).toMatchObject({ failure: 'transient', status: 503, retryable: true });
    sim.faults.throttleNext(1, { path: '/token', retryAfter: 5 });
    expect((await refusal(oauth.refresh(grant.refreshToken!))).failure).toBe('transient');
    sim.faults.dropNext(1, { path: '/token' });
    expect((await refusal(oauth.refresh(grant.refreshToken!))).failure).toBe('transient');
    sim.faults.hangNext(1, { path: '/token' });
    const hung = await refusal(oauth.refresh(grant.refreshToken!));
    expect(hung.failure).toBe('transient');
    expect(hung.message).toMatch(/did not answer within 1500 ms/);
    sim.faults.failNext(1, 200, { access_token: 'x', token_type: 'bearer' }, { path: '/token' });
    expect((await refusal(oauth.refresh(grant.refreshToken!))).message).toMatch(/not usable \(expires_in\)/);
    sim.faults.failNext(1, 200, { blob: 'y'.repeat(70_000) }, { path: '/token' });
    expect((await refusal(oauth.refresh(grant.refreshToken!))).message).toMatch(/larger than 65536 bytes/);
    // None of those reached the token endpoint's logic: the refresh token still works.
    expect((await oauth.refresh(grant.refreshToken!)).accessToken).toMatch(/^eyJ/);
  });
});
