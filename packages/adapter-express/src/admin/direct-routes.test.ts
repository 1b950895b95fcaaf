import type { SageDirectConnection } from '@byte8/sage-direct';
import { completeSageConsent, SAGE_SEED } from '@byte8/testkit/sage-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdminClient } from './admin-client.test-helpers.js';
import { type DirectAdmin, SAGE_APP, startDirectAdmin } from './direct-admin.test-helpers.js';

const P = 'sage_accounting';
const COOKIE = `byte8_oauth_${P}`;
const { north, south, solo } = SAGE_SEED.businesses;

const decodeEntities = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The one-shot message a redirect left on the page. */
const flashOf = (page: string) => decodeEntities(/<div class="byte8-flash[^"]*" role="[a-z]+">([^<]*)<\/div>/.exec(page)?.[1] ?? '');
/** The provider's section of the config page. */
const sectionOf = (page: string, key: string) => page.slice(page.indexOf(`<section class="byte8-card" aria-labelledby="${key}-heading"`)).split('</section>')[0]!;

describe('Connect to Sage from the Express admin (direct mode), over HTTP', () => {
  let admin: DirectAdmin;
  let browser: AdminClient;
  const sage = () => admin.byte8.direct.get(P) as SageDirectConnection;
  const record = () => admin.byte8.storage.oauthConnections.get(P);

  /** Config page, then Connect: where the browser is sent. */
  const startConnect = async (client = browser) => {
    await client.call('/config');
    const { res } = await client.post(`/providers/${P}/connect`, { _csrf: client.jar.get('byte8_csrf')! });
    expect(res.status).toBe(303);
    return { authorizeUrl: res.headers.get('location')!, setCookie: res.headers.getSetCookie() };
  };
  /** The simulator's page: sign in and decide; returns the callback URL it redirects to. */
  const consent = async (authorizeUrl: string, userId: string = SAGE_SEED.users.solo.id, decision: 'allow' | 'deny' = 'allow') => {
    const { location } = await completeSageConsent({ authorizeUrl, userId, decision });
    expect(location?.startsWith(admin.callbackUrl)).toBe(true);
    return location!;
  };
  /** The browser lands on the callback; returns the callback's answer and the config page it redirected to. */
  const land = async (location: string, client = browser) => {
    const callback = await client.call(location.slice(admin.adminUrl.length));
    expect(callback.res.status).toBe(303);
    expect(callback.res.headers.get('location')).toBe(`/admin/byte8/config#${P}`);
    const page = await client.follow(callback.res);
    return { callback, page: page.text, flash: flashOf(page.text) };
  };
  const connectedAs = async (userId: string) => land(await consent((await startConnect()).authorizeUrl, userId));

  beforeAll(async () => {
    admin = await startDirectAdmin();
  });
  beforeEach(async () => {
    await sage().disconnect();
    browser = admin.client();
    admin.sim.reset();
  });
  afterAll(() => admin?.close());

  it('shows Connect to Sage for the direct provider, while the ledger provider keeps its pairing section', async () => {
    const { res, text } = await browser.call('/config');
    expect(res.status).toBe(200);
    const sageSection = sectionOf(text, P);
    expect(sageSection).toContain(`id="${P}-direct-status" data-state="not_connected"`);
    expect(sageSection).toContain('Not connected to Sage');
    expect(sageSection).toMatch(/<button type="submit" class="byte8-primary">Connect to Sage<\/button>/);
    expect(sageSection).toContain(`id="${P}-redirect-uri">${admin.callbackUrl}</span>`);
    expect(sageSection).not.toContain('pairing code');
    const ledgerSection = sectionOf(text, 'freeagent');
    expect(ledgerSection).toContain('Generate pairing code');
    expect(ledgerSection).toContain('Not paired');
    expect(ledgerSection).not.toContain('Connect to');
  });

  it('Connect needs the form token and the admin; it sends the browser to Sage with state and PKCE S256, bound by a Lax cookie', async () => {
    await browser.call('/config');
    expect((await browser.post(`/providers/${P}/connect`, {})).res.status).toBe(403);
    const anonymous = await fetch(`${admin.adminUrl}/providers/${P}/connect`, { method: 'POST', redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    expect(await record()).toBeNull();

    const { authorizeUrl, setCookie } = await startConnect();
    const url = new URL(authorizeUrl);
    expect(url.origin).toBe(admin.sim.url);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      filter: 'apiv3.1',
      client_id: SAGE_APP.clientId,
      response_type: 'code',
      redirect_uri: admin.callbackUrl,
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.has('code_verifier')).toBe(false);
    expect(setCookie.find((line) => line.startsWith(`${COOKIE}=`))).toMatch(/^byte8_oauth_sage_accounting=[A-Za-z0-9_-]{43}; Path=\/admin\/byte8; HttpOnly; SameSite=Lax; Max-Age=600$/);
    const pending = await record();
    expect(pending?.authorizationExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(pending?.tokens).toBeNull();
  });

  it('refuses a callback with no state, an unknown state, error parameters or no admin login, and changes nothing', async () => {
    const { authorizeUrl } = await startConnect();
    const state = new URL(authorizeUrl).searchParams.get('state')!;
    const cases: Array<[string, string]> = [
      ['?code=abc', 'The answer from Sage carries no state, so it cannot be checked. Nothing was changed; start again with Connect to Sage.'],
      ['?code=abc&state=forged-state', 'This sign-in was not started here, was replaced by a newer one, or was already used. Nothing was changed; start again with Connect to Sage.'],
      [`?state=${state}&code=a&code=b&state=${state}`, 'The answer from Sage carries no state, so it cannot be checked. Nothing was changed; start again with Connect to Sage.'],
      [`?error=access_denied&state=${state}`, 'Sage access was not granted: the sign-in was cancelled or denied. Nothing was changed.'],
      [`?error=server_error&state=${state}`, 'Sage could not complete the sign-in (server_error). Nothing was changed; start again with Connect to Sage.'],
      [`?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=${state}`, 'Sage could not complete the sign-in. Nothing was changed; start again with Connect to Sage.'],
    ];
    for (const [query, message] of cases) {
      // Each landing spends the browser cookie, as a real callback does; start again to keep one.
      await startConnect();
      const { flash, page } = await land(`${admin.callbackUrl}${query}`);
      expect(flash, query).toBe(message);
      expect(page).not.toContain('<script>alert');
    }
    const anonymous = await fetch(`${admin.callbackUrl}?code=abc&state=${state}`, { redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    expect((await record())?.tokens ?? null).toBeNull();
    expect(admin.sim.stats.tokenGrants.authorization_code).toBe(0);
  });

  it('refuses a callback opened in another browser, and still lets the browser that started it finish', async () => {
    const location = await consent((await startConnect()).authorizeUrl);
    const other = admin.client();
    expect((await land(location, other)).flash).toBe('This sign-in was started in another browser (or this browser lost its sign-in cookie). Nothing was changed; start again with Connect to Sage.');
    expect((await record())?.tokens ?? null).toBeNull();
    const mine = await land(location);
    expect(mine.flash).toBe('Connected to Sage: Solo Shop Ltd.');
  });

  it('refuses an expired state (over 10 minutes) without using the code', async () => {
    const location = await consent((await startConnect()).authorizeUrl);
    admin.advance(10 * 60_000 + 1_000);
    try {
      expect((await land(location)).flash).toBe('This sign-in took longer than 10 minutes and expired. Nothing was changed; start again with Connect to Sage.');
    } finally {
      admin.advance(-(10 * 60_000 + 1_000));
    }
    expect(admin.sim.stats.tokenGrants.authorization_code).toBe(0);
    expect((await record())?.tokens ?? null).toBeNull();
  });

  it('refuses a code that expired at Sage (60 s, c.2) in words, storing nothing', async () => {
    const location = await consent((await startConnect()).authorizeUrl);
    admin.sim.advance(61_000);
    expect((await land(location)).flash).toBe('Sage refused the sign-in code (it expired or was already used). Nothing was changed; start again with Connect to Sage.');
    expect(admin.sim.stats.tokenErrors).toEqual({ invalid_grant: 1 });
    expect((await record())?.tokens ?? null).toBeNull();
  });

  it('refuses a used state and a used code; the connection stays as it was', async () => {
    const location = await consent((await startConnect()).authorizeUrl);
    expect((await land(location)).flash).toBe('Connected to Sage: Solo Shop Ltd.');
    const connected = await record();
    await startConnect();
    expect((await land(location)).flash).toBe('This sign-in was not started here, was replaced by a newer one, or was already used. Nothing was changed; start again with Connect to Sage.');
    // The old code with a fresh, valid state: Sage refuses the code (single use, c.2).
    const fresh = new URL((await startConnect()).authorizeUrl).searchParams.get('state')!;
    const oldCode = new URL(location).searchParams.get('code')!;
    const reused = await land(`${admin.callbackUrl}?code=${oldCode}&state=${fresh}`);
    expect(reused.flash).toBe('Sage refused the sign-in code (it expired or was already used). Nothing was changed; start again with Connect to Sage.');
    expect(admin.sim.stats.tokenErrors).toEqual({ invalid_grant: 1 });
    const after = await record();
    expect(after?.tokens).toEqual(connected?.tokens);
    expect(after).toMatchObject({ status: 'connected', business: { id: solo.id } });
  });

  it('the dashboard shows the direct connection (no ledger tile), and the ledger sync page says there is none', async () => {
    const before = await browser.call('/');
    expect(before.res.status).toBe(200);
    expect(before.text).toContain(`id="${P}-connection" data-state="not_connected" data-mode="direct"`);
    expect(before.text).toContain('Not connected to Sage');
    expect(before.text).not.toContain(`/sync/${P}`);
    await connectedAs(SAGE_SEED.users.solo.id);
    const after = await browser.call('/');
    expect(after.text).toContain(`id="${P}-connection" data-state="connected" data-mode="direct"`);
    expect(after.text).toContain(`Connected to Sage: ${solo.name}`);
    // The ledger provider beside it keeps its own line.
    expect(after.text).toContain('id="freeagent-connection"');
    const sync = await browser.call(`/sync/${P}`);
    expect(sync.res.status).toBe(303);
    expect(flashOf((await browser.follow(sync.res)).text)).toBe(
      'Sage Accounting posts straight to Sage (direct mode): there is no ledger sync page. Each document\'s status is in the invoice and credit memo lists.',
    );
  });

  it('a user with two businesses chooses the second; disconnect revokes at Sage and kills the refresh token', async () => {
    const { flash, page } = await connectedAs(SAGE_SEED.users.multi.id);
    expect(flash).toBe('Connected to Sage. Choose the business this store posts to.');
    const section = sectionOf(page, P);
    expect(section).toContain('data-state="business_needed"');
    expect(section).toMatch(new RegExp(`value="${north.id}" checked>\\s*<label for="${P}-business-0">North Shop Ltd <span class="byte8-note">\\(lead business\\)`));
    expect(section).toContain(`value="${south.id}">`);
    const csrf = browser.jar.get('byte8_csrf')!;
    const wrong = await browser.post(`/providers/${P}/business`, { _csrf: csrf, business_id: solo.id });
    expect(flashOf((await browser.follow(wrong.res)).text)).toBe('That business is not one the connected Sage user can reach. Nothing was changed.');
    expect((await browser.post(`/providers/${P}/business`, { business_id: south.id })).res.status).toBe(403);
    const chosen = await browser.post(`/providers/${P}/business`, { _csrf: csrf, business_id: south.id });
    const after = await browser.follow(chosen.res);
    expect(flashOf(after.text)).toBe('Connected to Sage: South Shop Ltd.');
    expect(sectionOf(after.text, P)).toContain(`id="${P}-business">South Shop Ltd</span>`);
    expect(sectionOf(after.text, P)).toContain('Connected to Sage: South Shop Ltd');

    const sealed = (await record())!.tokens!.sealedRefreshToken;
    const refreshToken = admin.byte8.secretBox.open(sealed);
    const gone = await browser.post(`/providers/${P}/disconnect`, { _csrf: csrf });
    expect(flashOf((await browser.follow(gone.res)).text)).toBe('Disconnected from Sage: access was revoked at Sage and the tokens were deleted here.');
    expect(admin.sim.stats.revocations).toBe(1);
    await expect(sage().oauth.refresh(refreshToken)).rejects.toMatchObject({ failure: 'invalid_grant' });
    expect(await record()).toMatchObject({ status: 'disconnected', tokens: null, business: { id: south.id } });
  });

  it('shows the reconnect banner with the reason once Sage refuses the grant, and Reconnect starts a new connect', async () => {
    await connectedAs(SAGE_SEED.users.solo.id);
    admin.sim.revokeApp(SAGE_SEED.users.solo.id);
    await expect(sage().api.get('/user')).rejects.toMatchObject({ failure: 'reconnect_needed' });
    const { text } = await browser.call('/config');
    const section = sectionOf(text, P);
    expect(section).toContain('data-state="reconnect_needed"');
    expect(section).toMatch(/<div class="byte8-banner" role="alert" id="sage_accounting-reconnect"><p><strong>⚠ Reconnect to Sage needed\.<\/strong> Sage refused the refresh token \(invalid_grant\)/);
    expect(section).toMatch(/<button type="submit" class="byte8-primary">Reconnect to Sage<\/button>/);
    expect(section).toContain('Solo Shop Ltd');
    const again = await land(await consent((await startConnect()).authorizeUrl));
    expect(again.flash).toBe('Connected to Sage: Solo Shop Ltd.');
  });

  it('never shows or logs a token, a code, a state, the browser binding or the client secret', async () => {
    const { authorizeUrl, setCookie } = await startConnect();
    const location = await consent(authorizeUrl, SAGE_SEED.users.multi.id);
    const { page } = await land(location);
    const csrf = browser.jar.get('byte8_csrf')!;
    const chosen = await browser.follow((await browser.post(`/providers/${P}/business`, { _csrf: csrf, business_id: north.id })).res);
    const { accessToken } = await sage().tokens.access();
    const refreshToken = admin.byte8.secretBox.open((await record())!.tokens!.sealedRefreshToken);
    const secrets = [
      accessToken,
      refreshToken,
      SAGE_APP.clientSecret,
      new URL(location).searchParams.get('code')!,
      new URL(authorizeUrl).searchParams.get('state')!,
      /byte8_oauth_sage_accounting=([^;]+)/.exec(setCookie.join('\n'))![1]!,
    ];
    const seen = [page, chosen.text, (await browser.call('/config')).text, admin.logs()].join('\n');
    expect(admin.logs()).toContain('OAuth connection stored');
    for (const secret of secrets) expect(seen).not.toContain(secret);
  });
});
