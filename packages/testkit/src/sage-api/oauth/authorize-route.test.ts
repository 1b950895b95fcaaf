import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSageConsent } from '../consent-driver.js';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { authorizeUrl, REDIRECT_URI, startSim } from '../sage-api.test-helpers.js';
import { SAGE_SEED } from '../seed/seeded-accounts.js';

let sim: SageApiSimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(() => sim.stop());

const solo = SAGE_SEED.users.solo.id;

/** The authorize URL with `changes` applied (a null value removes the parameter). */
function urlWith(changes: Readonly<Record<string, string | null>>): string {
  const url = new URL(authorizeUrl(sim));
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return url.toString();
}

async function callbackOf(url: string, decision: 'allow' | 'deny' = 'allow'): Promise<URLSearchParams> {
  const { location } = await completeSageConsent({ authorizeUrl: url, userId: solo, decision });
  expect(location, 'a redirect to the callback').not.toBeNull();
  const callback = new URL(location!);
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
  return callback.searchParams;
}

describe('authorize endpoint (c.2)', () => {
  it('shows an error page, never a redirect, for an unknown client or an unregistered redirect_uri', async () => {
    for (const url of [urlWith({ client_id: 'nobody' }), urlWith({ redirect_uri: `${REDIRECT_URI}/` }), urlWith({ redirect_uri: 'http://evil.example/cb' }), urlWith({ redirect_uri: null })]) {
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status, url).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('id="error"');
    }
  });

  it('sends other problems back to the callback as error=, keeping state', async () => {
    const cases: [Record<string, string | null>, string][] = [
      [{ filter: null }, 'invalid_request'],
      [{ filter: 'apiv3' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'everything' }, 'invalid_scope'],
      [{ country: 'xx' }, 'invalid_request'],
      [{ code_challenge: null }, 'invalid_request'],
    ];
    for (const [changes, error] of cases) {
      const res = await fetch(urlWith(changes), { redirect: 'manual' });
      expect(res.status, JSON.stringify(changes)).toBe(302);
      const params = new URL(res.headers.get('location')!).searchParams;
      expect(params.get('error'), JSON.stringify(changes)).toBe(error);
      expect(params.get('state')).toBe('state-123');
      expect(params.get('code')).toBeNull();
    }
  });

  it('Deny sends error=access_denied with the state', async () => {
    const params = await callbackOf(authorizeUrl(sim), 'deny');
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('state-123');
    expect(params.get('code')).toBeNull();
    expect(sim.stats.authorizations).toEqual({ allowed: 0, denied: 1 });
  });

  it('Allow sends code, country=GB and state; without state none is sent', async () => {
    const params = await callbackOf(urlWith({ state: null }));
    expect(params.get('code')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('country')).toBe('GB');
    expect(params.has('state')).toBe(false);
  });

  it('accepts scope readonly, country gb in any case, and keeps a query already on the redirect URI', async () => {
    const withQuery = `${REDIRECT_URI}?tenant=7`;
    sim.registerClient({ clientId: 'q', clientSecret: 's', redirectUris: [withQuery] });
    const params = await callbackOf(urlWith({ scope: 'readonly', country: 'Gb' }));
    expect(params.get('code')).toBeTruthy();
    const { location } = await completeSageConsent({ authorizeUrl: urlWith({ client_id: 'q', redirect_uri: withQuery }), userId: solo });
    const callback = new URL(location!);
    expect(callback.searchParams.get('tenant')).toBe('7');
    expect(callback.searchParams.get('code')).toBeTruthy();
  });

  it('refuses a country that does not match the business', async () => {
    const params = await callbackOf(urlWith({ country: 'ie' }));
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('code')).toBeNull();
  });

  it('uses a sign-in request once and refuses an unknown user', async () => {
    const page = await (await fetch(authorizeUrl(sim))).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(page)![1]!;
    const submit = (userId: string) =>
      fetch(`${sim.url}/oauth2/auth/central`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request_id: requestId, user_id: userId, decision: 'allow' }).toString(),
      });
    expect((await submit('not-a-user')).status).toBe(400);
    expect((await submit(solo)).status).toBe(400);
    expect(sim.stats.authorizations.allowed).toBe(0);
  });

  it('escapes what it echoes on the page', async () => {
    sim.registerClient({ clientId: 'x', clientSecret: 's', redirectUris: [REDIRECT_URI], name: '<script>alert(1)</script>' });
    const html = await (await fetch(urlWith({ client_id: 'x' }))).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('answers 405 for other methods', async () => {
    expect((await fetch(`${sim.url}/oauth2/auth/central`, { method: 'PUT' })).status).toBe(405);
    expect((await fetch(sim.urls.token)).status).toBe(405);
    expect((await fetch(sim.urls.revoke)).status).toBe(405);
  });
});
