import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SageApiSimulator } from '../sage-api-simulator.js';
import { api, postForm } from '../sage-api.test-helpers.js';
import { SAGE_SEED } from '../seed/seeded-accounts.js';
import { s256Challenge } from './pkce.js';

// Debian's Chromium, never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = fileURLToPath(new URL('../../../../../.artifacts/screenshots/', import.meta.url));
const VERIFIER = 'browser-test-verifier-0123456789-abcdefghijklmnop';

/** A tiny app callback on 127.0.0.1 that remembers where the browser landed. */
async function startCallbackServer(): Promise<{ server: Server; url: string; hits: URL[] }> {
  const hits: URL[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The browser also asks for /favicon.ico; only the callback counts.
    if (url.pathname === '/sage/callback') hits.push(url);
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Connected</title><h1 id="done">Back in the app</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sage/callback`, hits };
}

describe('the authorize page in a real browser (c.2)', () => {
  let sim: SageApiSimulator;
  let browser: Browser;
  let page: Page;
  let callback: Awaited<ReturnType<typeof startCallbackServer>>;
  const client = { clientId: 'browser-client', clientSecret: 'browser-secret', name: 'Byte8 Browser Test' };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    callback = await startCallbackServer();
    sim = await SageApiSimulator.start({ clients: [{ ...client, redirectUris: [callback.url] }] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await (await browser.newContext({ viewport: { width: 900, height: 700 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
    await new Promise((resolve) => callback?.server.close(resolve));
  });

  const authorize = (state: string) => {
    const url = new URL(sim.urls.authorize);
    for (const [name, value] of Object.entries({
      client_id: client.clientId,
      response_type: 'code',
      redirect_uri: callback.url,
      scope: 'full_access',
      state,
      code_challenge: s256Challenge(VERIFIER),
      code_challenge_method: 'S256',
    })) {
      url.searchParams.set(name, value);
    }
    return url.toString();
  };

  it('signs in as the user with two businesses, presses Allow and lands on the callback with code and state', async () => {
    await page.goto(authorize('browser-state-1'));
    expect(await page.title()).toBe('Sign in to Sage Accounting');
    expect(await page.locator('main').textContent()).toContain('Byte8 Browser Test would like to read and change your Sage Accounting data');
    const multi = SAGE_SEED.users.multi;
    await page.getByLabel('Sign in as').selectOption({ label: 'Morgan Multi (North Shop Ltd, South Shop Ltd)' });
    await page.screenshot({ path: `${SHOTS}sage-sim-authorize.png`, fullPage: true });
    await Promise.all([page.waitForURL((url) => url.pathname === '/sage/callback'), page.getByRole('button', { name: 'Allow' }).click()]);
    expect(await page.locator('#done').textContent()).toBe('Back in the app');
    const landed = callback.hits.at(-1)!;
    expect(landed.searchParams.get('state')).toBe('browser-state-1');
    expect(landed.searchParams.get('country')).toBe('GB');
    const code = landed.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const tokens = await postForm(sim.urls.token, {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_type: 'authorization_code',
      code,
      redirect_uri: callback.url,
      code_verifier: VERIFIER,
    });
    expect(tokens.json.requested_by_id).toBe(multi.id);
    const businesses = await api(sim, 'GET', '/businesses', { token: tokens.json.access_token });
    expect(businesses.json.$items.map((item: { displayed_as: string }) => item.displayed_as)).toEqual(['North Shop Ltd', 'South Shop Ltd']);
  });

  it('Deny lands on the callback with error=access_denied', async () => {
    await page.goto(authorize('browser-state-2'));
    await Promise.all([page.waitForURL((url) => url.pathname === '/sage/callback'), page.getByRole('button', { name: 'Deny' }).click()]);
    await page.screenshot({ path: `${SHOTS}sage-sim-denied-callback.png` });
    const landed = callback.hits.at(-1)!;
    expect(landed.searchParams.get('error')).toBe('access_denied');
    expect(landed.searchParams.get('state')).toBe('browser-state-2');
    expect(landed.searchParams.has('code')).toBe(false);
    expect(sim.stats.authorizations).toEqual({ allowed: 1, denied: 1 });
  });
});
