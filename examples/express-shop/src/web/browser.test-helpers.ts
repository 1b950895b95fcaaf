import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';

// Debian's Chromium, never a downloaded browser (.ci/run installs it).
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Screenshots go to the repository's `.artifacts/screenshots` (gitignored). */
export const SHOTS = fileURLToPath(new URL('../../../../.artifacts/screenshots/', import.meta.url));

/** Chromium with the demo admin's basic-auth login and a desktop viewport. */
export async function openBrowser(login: { user: string; password: string }): Promise<{ browser: Browser; page: Page }> {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ httpCredentials: { username: login.user, password: login.password }, viewport: { width: 1200, height: 900 } });
  return { browser, page: await context.newPage() };
}

/** Retries an async assertion until it passes (playwright-core has no web-first assertions). */
export async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The visible text of a locator, trimmed. */
export const text = async (locator: { innerText(): Promise<string> }): Promise<string> => (await locator.innerText()).trim();
