import path from 'node:path';
import { medusaIntegrationTestRunner } from '@medusajs/test-utils';
import { completeSageConsent, SAGE_SEED, SageApiSimulator } from '@byte8/testkit/sage-api';
import { adminHeaders } from '../helpers/admin-headers.js';
import { byte8Of } from '../helpers/byte8-of.js';

const P = 'sage_accounting';
const APP = { clientId: 'medusa-shop-app', clientSecret: 'medusa-shop-app-secret-5e1b' };
// Registered with the Sage app. The test takes the code from the simulator's redirect and brings it to the real port.
const REDIRECT_URI = `http://localhost:9000/admin/byte8/oauth/${P}/callback`;
const { north, south } = SAGE_SEED.businesses;

let sim: SageApiSimulator;
// Before the runner boots the app: the fixture reads these to put Sage in direct mode.
beforeAll(async () => {
  sim = await SageApiSimulator.start({ clients: [{ ...APP, redirectUris: [REDIRECT_URI] }] });
  Object.assign(process.env, {
    BYTE8_TEST_SAGE_URL: sim.url,
    BYTE8_TEST_SAGE_CLIENT_ID: APP.clientId,
    BYTE8_TEST_SAGE_CLIENT_SECRET: APP.clientSecret,
    BYTE8_TEST_SAGE_REDIRECT_URI: REDIRECT_URI,
  });
});
afterAll(() => sim?.stop());

medusaIntegrationTestRunner({
  cwd: path.join(__dirname, '../fixture'),
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>;
    const raw = { maxRedirects: 0, validateStatus: () => true };
    const oauth = (action: string) => `/admin/byte8/oauth/${P}/${action}`;
    const record = async () => (await byte8Of(getContainer())).connector.storage.oauthConnections.get(P);

    /** Connect through the admin API: the authorize URL and the browser-binding cookie it set. */
    const connect = async () => {
      const res = await api.post(oauth('connect'), {}, { headers });
      expect(res.status).toBe(200);
      const cookie = (res.headers['set-cookie'] as string[]).find((line) => line.startsWith(`byte8_oauth_${P}=`))!;
      return { authorizeUrl: res.data.authorizeUrl as string, cookieLine: cookie, cookie: cookie.split(';')[0]! };
    };
    /** The simulator's sign-in (as a browser would do it); the callback's query. */
    const consent = async (authorizeUrl: string, userId: string, decision: 'allow' | 'deny' = 'allow') => {
      const { location } = await completeSageConsent({ authorizeUrl, userId, decision });
      expect(location?.startsWith(REDIRECT_URI)).toBe(true);
      return new URL(location!).search;
    };
    /** The browser lands on the plugin's callback; returns the outcome kind it redirected to the settings page with. */
    const land = async (query: string, cookie: string | null, extra: Record<string, string> = headers) => {
      const res = await api.get(`${oauth('callback')}${query}`, { ...raw, headers: { ...extra, ...(cookie ? { cookie } : {}) } });
      if (res.status !== 303) return { status: res.status, kind: null };
      const location = new URL(res.headers.location, 'http://admin.invalid');
      expect(location.pathname).toBe('/app/settings/byte8');
      expect(location.searchParams.get('provider')).toBe(P);
      return { status: res.status, kind: location.searchParams.get('byte8_oauth') };
    };
    /** A connection to South Shop Ltd (each test starts from a restored, empty database). */
    const connectToSouth = async () => {
      const started = await connect();
      expect((await land(await consent(started.authorizeUrl, SAGE_SEED.users.multi.id), started.cookie)).kind).toBe('business_needed');
      expect((await api.post(oauth('businesses'), { business_id: south.id }, { headers })).data.kind).toBe('connected');
    };
    const messageOf = async (kind: string) => (await api.get(`/admin/byte8/status?oauth=${kind}&provider=${P}`, { headers })).data.oauthMessage;

    beforeEach(async () => {
      headers = await adminHeaders(getContainer());
    });

    it('lists Sage in direct mode, not connected, and refuses the OAuth routes without an admin session', async () => {
      const status = await api.get('/admin/byte8/status', { headers });
      expect(status.data.providers[0]).toMatchObject({
        key: P,
        mode: 'direct',
        direct: { state: 'not_connected', label: 'Not connected to Sage', redirectUri: REDIRECT_URI },
        deadLetters: { count: 0 },
      });
      for (const [method, route] of [['post', 'connect'], ['get', 'callback'], ['get', 'businesses'], ['post', 'disconnect']] as const) {
        const res = method === 'get' ? await api.get(oauth(route), raw) : await api.post(oauth(route), {}, raw);
        expect(res.status, route).toBe(401);
      }
      expect((await api.post('/admin/byte8/oauth/freeagent/connect', {}, { ...raw, headers })).status).toBe(404);
      expect(await record()).toBeNull();
    });

    it('connects a user with two businesses: state and PKCE, the callback, the business pick', async () => {
      const { authorizeUrl, cookieLine, cookie } = await connect();
      const url = new URL(authorizeUrl);
      expect(url.origin).toBe(sim.url);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(cookieLine).toMatch(/Path=\/admin\/byte8\/oauth/);
      expect(cookieLine).toMatch(/HttpOnly/);
      expect(cookieLine).toMatch(/SameSite=Lax/);

      const query = await consent(authorizeUrl, SAGE_SEED.users.multi.id);
      expect(await land(query, cookie)).toEqual({ status: 303, kind: 'business_needed' });
      expect(await messageOf('business_needed')).toBe('Connected to Sage. Choose the business this store posts to.');
      const businesses = await api.get(oauth('businesses'), { headers });
      expect(businesses.data.businesses).toEqual([
        { id: north.id, name: 'North Shop Ltd' },
        { id: south.id, name: 'South Shop Ltd' },
      ]);
      const wrong = await api.post(oauth('businesses'), { business_id: SAGE_SEED.businesses.solo.id }, { ...raw, headers });
      expect(wrong.status).toBe(409);
      expect(wrong.data.message).toBe('That business is not one the connected Sage user can reach. Nothing was changed.');
      expect((await api.post(oauth('businesses'), { business_id: 42 }, { ...raw, headers })).status).toBe(400);
      const chosen = await api.post(oauth('businesses'), { business_id: south.id }, { headers });
      expect(chosen.data).toMatchObject({ ok: true, kind: 'connected', message: 'Connected to Sage: South Shop Ltd.' });
      const status = await api.get('/admin/byte8/status', { headers });
      expect(status.data.providers[0].direct).toMatchObject({ state: 'connected', label: 'Connected to Sage: South Shop Ltd', business: { id: south.id } });
      expect(JSON.stringify(status.data)).not.toContain(APP.clientSecret);
      expect(await record()).toMatchObject({ status: 'connected', business: { id: south.id, name: 'South Shop Ltd' } });
    });

    it('refuses a callback without the browser cookie, with another one, without state, replayed, denied, or with a used code; nothing changes', async () => {
      await connectToSouth();
      const first = await connect();
      const query = await consent(first.authorizeUrl, SAGE_SEED.users.multi.id);
      expect((await land(query, null)).kind).toBe('other_browser');
      expect((await land(query, 'byte8_oauth_sage_accounting=someone-elses-cookie')).kind).toBe('other_browser');
      expect((await land('?code=abc', first.cookie)).kind).toBe('missing_state');
      expect((await land(query, first.cookie, {})).status).toBe(401);
      expect(await messageOf('other_browser')).toBe(
        'This sign-in was started in another browser (or this browser lost its sign-in cookie). Nothing was changed; start again with Connect to Sage.',
      );
      // None of those used the state: the browser that started it still finishes (a reconnect keeps the chosen business).
      expect((await land(query, first.cookie)).kind).toBe('connected');
      const before = await record();
      expect(before).toMatchObject({ status: 'connected', business: { id: south.id } });

      expect((await land(query, first.cookie)).kind).toBe('unknown_state');
      const denied = await connect();
      expect((await land(await consent(denied.authorizeUrl, SAGE_SEED.users.multi.id, 'deny'), denied.cookie)).kind).toBe('denied');
      expect(await messageOf('denied')).toBe('Sage access was not granted: the sign-in was cancelled or denied. Nothing was changed.');
      const again = await connect();
      const usedCode = new URLSearchParams(query).get('code')!;
      const state = new URL(again.authorizeUrl).searchParams.get('state')!;
      expect((await land(`?code=${usedCode}&state=${state}`, again.cookie)).kind).toBe('code_refused');
      expect(await messageOf('code_refused')).toBe('Sage refused the sign-in code (it expired or was already used). Nothing was changed; start again with Connect to Sage.');
      expect(await messageOf('no-such-kind')).toBeNull();
      expect((await record())?.tokens).toEqual(before?.tokens);
    });

    it('disconnects: revokes at Sage and clears the tokens, keeping the business', async () => {
      await connectToSouth();
      const revocations = sim.stats.revocations;
      const sealed = (await record())!.tokens!.sealedRefreshToken;
      const res = await api.post(oauth('disconnect'), {}, { headers });
      expect(res.data).toEqual({ provider: P, wasConnected: true, revoked: true });
      expect(sim.stats.revocations).toBe(revocations + 1);
      const medusa = await byte8Of(getContainer());
      const refreshToken = medusa.connector.secretBox.open(sealed);
      await expect(medusa.connector.direct.get(P).oauth.refresh(refreshToken)).rejects.toMatchObject({ failure: 'invalid_grant' });
      expect(await record()).toMatchObject({ status: 'disconnected', tokens: null, business: { id: south.id } });
      const status = await api.get('/admin/byte8/status', { headers });
      expect(status.data.providers[0].direct.state).toBe('not_connected');
    });
  },
});
