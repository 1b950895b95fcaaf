import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { api, authorizeCode, connect, exchangeCode, postForm, REDIRECT_URI, refresh, startSim, TEST_CLIENT, VERIFIER } from '../sage-api.test-helpers.js';

let sim: SageApiSimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(() => sim.stop());

describe('token and revoke endpoints (c.2)', () => {
  it('answers every token error of (c.2)', async () => {
    const code = await authorizeCode(sim);
    const base = { client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret };
    expect(await postForm(sim.urls.token, { ...base, client_secret: 'wrong', grant_type: 'authorization_code', code })).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(await postForm(sim.urls.token, { client_id: 'nobody', client_secret: 'x', grant_type: 'refresh_token', refresh_token: 'r' })).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(await postForm(sim.urls.token, { ...base })).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect(await postForm(sim.urls.token, { ...base, grant_type: 'authorization_code' })).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect(await postForm(sim.urls.token, { ...base, grant_type: 'refresh_token' })).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect(await postForm(sim.urls.token, { ...base, grant_type: 'client_credentials' })).toMatchObject({ status: 400, json: { error: 'unsupported_grant_type' } });
    expect(await postForm(sim.urls.token, { ...base, grant_type: 'refresh_token', refresh_token: 'made-up' })).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    const asJson = await fetch(sim.urls.token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, grant_type: 'authorization_code', code }) });
    expect(asJson.status).toBe(400);
    expect(await asJson.json()).toEqual({ error: 'invalid_request' });
    // None of the refusals used the code up except by presenting it to the right client.
    expect((await exchangeCode(sim, code)).status).toBe(200);
    expect(sim.stats.tokenErrors).toEqual({ invalid_client: 2, invalid_request: 4, unsupported_grant_type: 1, invalid_grant: 1 });
  });

  it('refuses a code of another client and a refresh token of another client', async () => {
    const other = sim.registerClient({ clientId: 'other', clientSecret: 'other-secret', redirectUris: [REDIRECT_URI] });
    const code = await authorizeCode(sim);
    expect(await postForm(sim.urls.token, { client_id: other.clientId, client_secret: other.clientSecret, grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER })).toMatchObject({
      status: 400,
      json: { error: 'invalid_grant' },
    });
    const tokens = await connect(sim);
    expect(await postForm(sim.urls.token, { client_id: other.clientId, client_secret: other.clientSecret, grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).toMatchObject({ status: 400 });
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(200);
  });

  it('accepts client credentials as HTTP Basic too', async () => {
    const code = await authorizeCode(sim);
    const basic = Buffer.from(`${TEST_CLIENT.clientId}:${TEST_CLIENT.clientSecret}`).toString('base64');
    const result = await postForm(sim.urls.token, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER }, { authorization: `Basic ${basic}` });
    expect(result.status).toBe(200);
  });

  it('revoke: checks the client, needs a token, accepts access tokens and unknown tokens without effect', async () => {
    const tokens = await connect(sim);
    const base = { client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret };
    expect(await postForm(sim.urls.revoke, { ...base, client_secret: 'nope', token: tokens.refresh_token })).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(await postForm(sim.urls.revoke, base)).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
    expect(await postForm(sim.urls.revoke, { ...base, token: tokens.access_token })).toMatchObject({ status: 200, json: { success: 'ok' } });
    expect(await postForm(sim.urls.revoke, { ...base, token: 'never-issued' })).toMatchObject({ status: 200, json: { success: 'ok' } });
    expect((await api(sim, 'GET', '/user', { token: tokens.access_token })).status).toBe(200);
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(200);
  });

});
