import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSageConsent } from '../consent-driver.js';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { api, authorizeCode, authorizeUrl, connect, exchangeCode, postForm, REDIRECT_URI, refresh, startSim, TEST_CLIENT, VERIFIER } from '../sage-api.test-helpers.js';
import { SAGE_SEED } from '../seed/seeded-accounts.js';

let sim: SageApiSimulator;
// A frozen base clock: only `sim.advance` moves time, so the 60 s edge is exact.
const frozen = { now: () => new Date('2026-03-01T10:00:00Z') };
beforeEach(async () => {
  sim = await startSim({ clock: frozen });
});
afterEach(() => sim.stop());

const solo = SAGE_SEED.users.solo;
const DAY_MS = 86_400_000;

describe('OAuth 2.0 authorization code flow (c.2)', () => {
  it('runs end to end: authorize -> code -> token -> API -> refresh rotation -> reuse refused -> revoke -> 401', async () => {
    const { location } = await completeSageConsent({ authorizeUrl: authorizeUrl(sim, { state: 'xyz' }), userId: solo.id });
    const callback = new URL(location!);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('country')).toBe('GB');
    expect(callback.searchParams.get('state')).toBe('xyz');
    const tokens = await exchangeCode(sim, callback.searchParams.get('code')!);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    // Every field of the token response (c.2).
    expect(tokens.json).toEqual({
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      scope: 'full_access',
      token_type: 'bearer',
      expires_in: 300,
      refresh_token: expect.any(String),
      refresh_token_expires_in: 2678400,
      requested_by_id: solo.id,
    });
    const lead = await api(sim, 'GET', '/businesses/lead', { token: tokens.json.access_token });
    expect(lead.status).toBe(200);
    expect(lead.json.id).toBe(SAGE_SEED.businesses.solo.id);

    const rotated = await refresh(sim, tokens.json.refresh_token);
    expect(rotated.status).toBe(200);
    expect(rotated.json.refresh_token).not.toBe(tokens.json.refresh_token);
    expect(rotated.json.access_token).not.toBe(tokens.json.access_token);
    expect(rotated.json.refresh_token_expires_in).toBe(2678400);
    // Single-use refresh tokens: the old one is now refused (c.2).
    const reused = await refresh(sim, tokens.json.refresh_token);
    expect(reused).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    expect(sim.stats.tokenGrants).toEqual({ authorization_code: 1, refresh_token: 1 });
    expect(sim.stats.tokenErrors).toEqual({ invalid_grant: 1 });

    const revoked = await postForm(sim.urls.revoke, { client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret, token: rotated.json.refresh_token });
    expect(revoked).toMatchObject({ status: 200, json: { success: 'ok' } });
    expect((await refresh(sim, rotated.json.refresh_token)).json).toEqual({ error: 'invalid_grant' });
    // Access tokens cannot be revoked and live out their 5 minutes (c.2).
    expect((await api(sim, 'GET', '/user', { token: rotated.json.access_token })).status).toBe(200);
    sim.advance(300_000);
    const expired = await api(sim, 'GET', '/user', { token: rotated.json.access_token });
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual([{ $severity: 'error', $dataCode: 'AuthenticationFailure', $message: 'The access token has expired', $source: '' }]);
  });

  it('accepts PKCE S256 and refuses a wrong or missing verifier with invalid_grant', async () => {
    expect((await exchangeCode(sim, await authorizeCode(sim))).status).toBe(200);
    const wrong = await exchangeCode(sim, await authorizeCode(sim), { code_verifier: 'w'.repeat(43) });
    expect(wrong).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    const missing = await postForm(sim.urls.token, { client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret, grant_type: 'authorization_code', code: await authorizeCode(sim), redirect_uri: REDIRECT_URI });
    expect(missing).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('accepts PKCE plain (and plain when no method is named)', async () => {
    const plain = await authorizeCode(sim, solo.id, { challenge: { value: VERIFIER, method: 'plain' } });
    expect((await exchangeCode(sim, plain)).status).toBe(200);
    const unnamed = await authorizeCode(sim, solo.id, { challenge: { value: VERIFIER } });
    expect((await exchangeCode(sim, unnamed)).status).toBe(200);
    const s256Value = await authorizeCode(sim, solo.id, { challenge: { value: VERIFIER, method: 'plain' } });
    expect((await exchangeCode(sim, s256Value, { code_verifier: `${VERIFIER}x` })).json).toEqual({ error: 'invalid_grant' });
  });

  it('works without PKCE', async () => {
    const code = await authorizeCode(sim, solo.id, { challenge: null });
    expect((await exchangeCode(sim, code, { code_verifier: '' })).status).toBe(200);
  });

  it('refuses code_challenge outside 43-128 unreserved characters and unknown methods on the callback', async () => {
    for (const challenge of [{ value: 'a'.repeat(42), method: 'S256' }, { value: 'a'.repeat(129), method: 'S256' }, { value: `${'a'.repeat(42)}!`, method: 'plain' }, { value: 'a'.repeat(43), method: 'S512' }]) {
      const { location } = await completeSageConsent({ authorizeUrl: authorizeUrl(sim, { challenge }), userId: solo.id });
      const callback = new URL(location!);
      expect(callback.searchParams.get('error'), JSON.stringify(challenge)).toBe('invalid_request');
      expect(callback.searchParams.get('state')).toBe('state-123');
    }
    for (const length of [43, 128]) {
      const code = await authorizeCode(sim, solo.id, { challenge: { value: 'a'.repeat(length), method: 'plain' } });
      expect((await exchangeCode(sim, code, { code_verifier: 'a'.repeat(length) })).status).toBe(200);
    }
  });

  it('expires codes after 60 seconds (c.2)', async () => {
    const fresh = await authorizeCode(sim);
    sim.advance(59_999);
    expect((await exchangeCode(sim, fresh)).status).toBe(200);
    const stale = await authorizeCode(sim);
    sim.advance(60_000);
    expect(await exchangeCode(sim, stale)).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    expect(sim.requests.at(-1)?.note).toBe('code expired');
  });

  it('uses a code once (c.2)', async () => {
    const code = await authorizeCode(sim);
    expect((await exchangeCode(sim, code)).status).toBe(200);
    expect(await exchangeCode(sim, code)).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('refuses a redirect_uri that differs from the authorize one, and burns the code', async () => {
    sim.registerClient({ ...TEST_CLIENT, redirectUris: [...TEST_CLIENT.redirectUris, 'http://127.0.0.1:9/other'] });
    const code = await authorizeCode(sim);
    expect(await exchangeCode(sim, code, { redirect_uri: 'http://127.0.0.1:9/other' })).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    expect(await exchangeCode(sim, code)).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('expires refresh tokens after 31 days, counted from the rotation that issued them', async () => {
    const first = await connect(sim);
    sim.advance(30 * DAY_MS);
    const second = await refresh(sim, first.refresh_token);
    expect(second.status).toBe(200);
    sim.advance(31 * DAY_MS - 1000);
    const third = await refresh(sim, second.json.refresh_token);
    expect(third.status).toBe(200);
    sim.advance(31 * DAY_MS);
    expect(await refresh(sim, third.json.refresh_token)).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    expect(sim.requests.at(-1)?.note).toBe('refresh token expired');
  });

  it('revoking an old refresh token kills the ones rotated from it', async () => {
    const first = await connect(sim);
    const second = await refresh(sim, first.refresh_token);
    const revoke = await postForm(sim.urls.revoke, { client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret, token: first.refresh_token });
    expect(revoke.json).toEqual({ success: 'ok' });
    expect((await refresh(sim, second.json.refresh_token)).json).toEqual({ error: 'invalid_grant' });
  });

  it('a user removing the app kills every refresh token and every access token of the grant', async () => {
    const tokens = await connect(sim);
    const other = await connect(sim, SAGE_SEED.users.multi.id);
    expect(sim.revokeApp(solo.id)).toBe(1);
    expect((await api(sim, 'GET', '/businesses/lead', { token: tokens.access_token })).status).toBe(401);
    expect((await refresh(sim, tokens.refresh_token)).json).toEqual({ error: 'invalid_grant' });
    expect((await api(sim, 'GET', '/businesses/lead', { token: other.access_token })).status).toBe(200);
  });

  it('never logs tokens, codes or secrets', async () => {
    const tokens = await connect(sim);
    await refresh(sim, tokens.refresh_token);
    const logged = JSON.stringify(sim.requests);
    expect(logged).not.toContain(tokens.access_token);
    expect(logged).not.toContain(tokens.refresh_token);
    expect(logged).not.toContain(TEST_CLIENT.clientSecret);
    expect(sim.requests.find((record) => record.path === '/token')).toMatchObject({ status: 200, clientId: TEST_CLIENT.clientId, userId: solo.id, tokenId: 'at_1' });
  });
});
