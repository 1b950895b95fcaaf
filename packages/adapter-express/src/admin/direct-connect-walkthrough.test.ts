import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SageDirectConnection } from '@byte8/sage-direct';
import { SAGE_SEED } from '@byte8/testkit/sage-api';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type DirectAdmin, startDirectAdmin } from './direct-admin.test-helpers.js';

// Debian's Chromium, never a downloaded browser.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = fileURLToPath(new URL('../../../../.artifacts/screenshots/', import.meta.url));
const P = 'sage_accounting';

const text = async (locator: { innerText(): Promise<string> }) => (await locator.innerText()).trim();

describe('Connect to Sage in a real browser: Express admin and the Sage simulator', () => {
  let admin: DirectAdmin;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}direct-${name}.png`, fullPage: true });
  const record = () => admin.byte8.storage.oauthConnections.get(P);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    admin = await startDirectAdmin({ signInHost: 'localhost' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ httpCredentials: { username: ADMIN.user, password: ADMIN.password }, viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    // The disconnect form asks for confirmation: the merchant says yes.
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterAll(async () => {
    await browser?.close();
    await admin?.close();
  });

  it('connects as the user with two businesses, picks the second, then disconnects and the refresh token is dead', async () => {
    await page.goto(`${admin.adminUrl}/config`);
    expect(await text(page.locator(`#${P}-direct-status`))).toContain('Not connected to Sage');
    await shot('01-config-not-connected');

    await Promise.all([page.waitForURL((url) => url.hostname === 'localhost' && url.pathname === '/oauth2/auth/central'), page.locator(`#${P}`).getByRole('button', { name: 'Connect to Sage' }).click()]);
    expect(await page.title()).toBe('Sign in to Sage Accounting');
    await page.getByLabel('Sign in as').selectOption({ label: 'Morgan Multi (North Shop Ltd, South Shop Ltd)' });
    await shot('02-sage-sign-in');
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/byte8/config'), page.getByRole('button', { name: 'Allow' }).click()]);

    // Back in the admin (a redirect from another site: the Lax cookie came back, the state matched).
    expect(await text(page.locator('.byte8-flash'))).toBe('Connected to Sage. Choose the business this store posts to.');
    expect(await text(page.locator(`#${P}-direct-status`))).toContain('Connected to Sage: choose a business');
    expect(await page.getByLabel('North Shop Ltd (lead business)').isChecked()).toBe(true);
    await shot('03-choose-business');
    await page.getByLabel('South Shop Ltd').check();
    await page.getByRole('button', { name: 'Use this business' }).click();
    expect(await text(page.locator('.byte8-flash'))).toBe('Connected to Sage: South Shop Ltd.');
    expect(await text(page.locator(`#${P}-business`))).toBe('South Shop Ltd');
    expect(await text(page.locator(`#${P}-direct-status`))).toContain('Connected to Sage: South Shop Ltd');
    await shot('04-connected-south');
    expect(await record()).toMatchObject({ status: 'connected', business: { id: SAGE_SEED.businesses.south.id, name: 'South Shop Ltd' } });

    const sage = admin.byte8.direct.get(P) as SageDirectConnection;
    const refreshToken = admin.byte8.secretBox.open((await record())!.tokens!.sealedRefreshToken);
    expect(await page.content()).not.toContain(refreshToken);
    await page.locator(`#${P}`).getByRole('button', { name: 'Disconnect' }).click();
    expect(await text(page.locator('.byte8-flash'))).toBe('Disconnected from Sage: access was revoked at Sage and the tokens were deleted here.');
    expect(await text(page.locator(`#${P}-direct-status`))).toContain('Not connected to Sage');
    await shot('05-disconnected');
    expect(admin.sim.stats.revocations).toBe(1);
    await expect(sage.oauth.refresh(refreshToken)).rejects.toMatchObject({ failure: 'invalid_grant' });
    expect(await record()).toMatchObject({ status: 'disconnected', tokens: null });
  });

  it('Deny at Sage comes back with a clear message and stores nothing', async () => {
    const grantsBefore = admin.sim.stats.tokenGrants.authorization_code;
    await page.goto(`${admin.adminUrl}/config`);
    await Promise.all([page.waitForURL((url) => url.pathname === '/oauth2/auth/central'), page.locator(`#${P}`).getByRole('button', { name: 'Connect to Sage' }).click()]);
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/byte8/config'), page.getByRole('button', { name: 'Deny' }).click()]);
    const flash = page.locator('.byte8-flash--error');
    expect(await text(flash)).toBe('Sage access was not granted: the sign-in was cancelled or denied. Nothing was changed.');
    expect(await flash.getAttribute('role')).toBe('alert');
    expect(await text(page.locator(`#${P}-direct-status`))).toContain('Not connected to Sage');
    await shot('06-denied');
    expect((await record())?.tokens ?? null).toBeNull();
    expect(admin.sim.stats.tokenGrants.authorization_code).toBe(grantsBefore);
    expect(admin.sim.stats.authorizations.denied).toBe(1);
  });

  it('shows the reconnect banner after the app is removed in Sage, and Reconnect brings the same business back', async () => {
    await page.goto(`${admin.adminUrl}/config`);
    await Promise.all([page.waitForURL((url) => url.pathname === '/oauth2/auth/central'), page.locator(`#${P}`).getByRole('button', { name: 'Connect to Sage' }).click()]);
    await page.getByLabel('Sign in as').selectOption({ label: 'Sam Solo (Solo Shop Ltd)' });
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/byte8/config'), page.getByRole('button', { name: 'Allow' }).click()]);
    expect(await text(page.locator('.byte8-flash'))).toBe('Connected to Sage: Solo Shop Ltd.');

    admin.sim.revokeApp(SAGE_SEED.users.solo.id);
    const sage = admin.byte8.direct.get(P) as SageDirectConnection;
    await expect(sage.api.get('/user')).rejects.toMatchObject({ failure: 'reconnect_needed' });
    await page.reload();
    const banner = page.locator(`#${P}-reconnect`);
    expect(await text(banner)).toMatch(/^⚠ Reconnect to Sage needed\. Sage refused the refresh token \(invalid_grant\)/);
    expect(await banner.getAttribute('role')).toBe('alert');
    await shot('07-reconnect-needed');

    await Promise.all([page.waitForURL((url) => url.pathname === '/oauth2/auth/central'), banner.getByRole('button', { name: 'Reconnect to Sage' }).click()]);
    await page.getByLabel('Sign in as').selectOption({ label: 'Sam Solo (Solo Shop Ltd)' });
    await Promise.all([page.waitForURL((url) => url.pathname === '/admin/byte8/config'), page.getByRole('button', { name: 'Allow' }).click()]);
    expect(await text(page.locator('.byte8-flash'))).toBe('Connected to Sage: Solo Shop Ltd.');
    expect(await page.locator(`#${P}-reconnect`).count()).toBe(0);
    expect((await sage.api.get('/user')).status).toBe(200);
  });
});
