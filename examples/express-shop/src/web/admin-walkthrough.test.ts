import { silentLogger } from '@byte8/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningShop, startShop } from '../start-shop.js';
import { SHOTS, eventually, openBrowser, text } from './browser.test-helpers.js';

describe('admin walkthrough in a real browser', () => {
  let shop: RunningShop;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}express-${name}.png`, fullPage: true });
  const chipOf = (invoiceNumber: string) => page.locator('#byte8-documents tr', { hasText: invoiceNumber }).locator('.byte8-sync-chip');

  beforeAll(async () => {
    shop = await startShop({ port: 0, autoPair: false, logger: silentLogger, admin: { user: 'admin', password: 'walkthrough' } });
    ({ browser, page } = await openBrowser({ user: 'admin', password: 'walkthrough' }));
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('generates a pairing code that is shown once, and pairs through the simulator', async () => {
    await page.goto(`${shop.adminUrl}config`);
    expect(await text(page.locator('#sage_accounting-status'))).toContain('Not paired');
    await shot('01-config-not-paired');
    await page.getByRole('button', { name: 'Generate pairing code' }).click();
    const codeInput = page.getByLabel('Pairing code');
    const code = await codeInput.inputValue();
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    expect(await text(page.locator('#sage_accounting-pairing-warning'))).toContain('expires in 30 minutes');
    await shot('02-pairing-code-shown-once');
    await page.reload();
    expect(await page.getByLabel('Pairing code').count()).toBe(0);
    expect(await page.content()).not.toContain(code);
    expect(await page.getByRole('button', { name: 'Regenerate pairing code' }).isVisible()).toBe(true);
    const paired = await shop.simulator!.pair(shop.shopUrl, code);
    expect(paired.status).toBe(200);
    await page.reload();
    expect(await text(page.locator('#sage_accounting-tenant'))).toBe(paired.tenantId);
    expect(await page.getByRole('button', { name: 'Disconnect' }).isEnabled()).toBe(true);
    await shot('03-config-paired');
  });

  it('shows a new invoice pending, then synced', async () => {
    // Hold the worker so the pending chip is observable, then let it deliver.
    await shop.byte8.worker.stop();
    await page.goto(`${shop.shopUrl}/`);
    await page.getByLabel('Qty').fill('2');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.locator('button', { hasText: /^Invoice ORD-/ }).first().click();
    expect(await text(page.locator('h1'))).toMatch(/^Invoice INV-/);
    const number = (await text(page.locator('h1'))).replace('Invoice ', '');
    expect(await text(page.locator('.byte8-detail .byte8-sync-chip'))).toBe('⏳ Pending');
    await shot('04-shop-invoice-pending');
    await page.goto(`${shop.adminUrl}invoices`);
    expect(await text(chipOf(number))).toBe('⏳ Pending');
    await shot('05-admin-invoices-pending');
    shop.byte8.worker.start();
    await eventually(async () => {
      await page.reload();
      expect(await text(chipOf(number))).toBe('✓ Synced');
    });
    expect(await chipOf(number).getAttribute('title')).toMatch(/.+/);
    await shot('06-admin-invoices-synced');
  });

  it('dead-letters a 4xx, shows the banner, and requeues', async () => {
    await page.goto(`${shop.shopUrl}/`);
    await page.getByRole('button', { name: 'Place order' }).click();
    // Let the order's stock event go out first, so the fault hits the invoice.
    await eventually(async () => {
      const pending = (await shop.byte8.storage.outbox.counts()).filter((c) => c.status === 'pending');
      expect(pending.reduce((n, c) => n + c.count, 0)).toBe(0);
    });
    shop.simulator!.faults.failNext(1, 422, { error: 'unprocessable' });
    await page.locator('button', { hasText: /^Invoice ORD-/ }).first().click();
    const number = (await text(page.locator('h1'))).replace('Invoice ', '');
    await page.goto(`${shop.adminUrl}config`);
    await eventually(async () => {
      await page.reload();
      expect(await text(page.locator('#sage_accounting-dead-letters'))).toContain('1 event needs attention');
    });
    expect(await text(page.locator('#sage_accounting-dead-letters'))).toContain('422');
    await shot('07-dead-letter-banner');
    await page.getByRole('button', { name: 'Requeue all 1' }).click();
    expect(await text(page.locator('.byte8-flash'))).toBe('Requeued 1 event.');
    await shot('08-requeued');
    await page.goto(`${shop.adminUrl}invoices`);
    await eventually(async () => {
      await page.reload();
      expect(await text(chipOf(number))).toBe('✓ Synced');
    });
    await page.goto(`${shop.adminUrl}config`);
    expect(await page.locator('#sage_accounting-dead-letters').count()).toBe(0);
  });

  it('filters the invoice list by status, with the keyboard', async () => {
    await page.goto(`${shop.adminUrl}invoices`);
    await page.getByLabel('Status').focus();
    await page.getByLabel('Status').selectOption('synced');
    await page.getByRole('button', { name: 'Apply' }).press('Enter');
    await page.waitForURL(/status=synced/);
    const chips = page.locator('#byte8-documents tbody .byte8-sync-chip');
    expect(await chips.count()).toBeGreaterThan(0);
    for (const text of await chips.allInnerTexts()) expect(text).toBe('✓ Synced');
    await shot('09-invoices-filtered-synced');
    await page.getByLabel('Status').selectOption('failed');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/status=failed/);
    expect(await text(page.locator('#byte8-documents tbody'))).toContain('No invoices match.');
    await page.goto(`${shop.adminUrl}`);
    expect(await page.locator('#sage_accounting-tile').isVisible()).toBe(true);
    await shot('10-dashboard-tile');
  });
});
