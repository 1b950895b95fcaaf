import { silentLogger } from '@byte8/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceOrder, placeOrder } from '../domain/sales.js';
import { type RunningShop, startShop } from '../start-shop.js';
import { SHOTS, eventually, openBrowser, text } from './browser.test-helpers.js';

const LOGIN = { user: 'admin', password: 'first-hour' };

/** The few browser globals the checks below call, run inside the page (this file is type-checked without the DOM library). */
interface InPage {
  getComputedStyle(element: unknown): { whiteSpace: string };
  document: { createRange(): { selectNodeContents(node: unknown): void; getClientRects(): { length: number } } };
}

// A merchant's first hour with the demo, in Chromium: the shop, the connector's admin and the simulated ledger.
describe('a merchant’s first hour in a real browser', () => {
  let shop: RunningShop;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}first-hour-${name}.png`, fullPage: true });
  const adminChip = (number: string) => page.locator('#byte8-documents tr', { hasText: number }).locator('td[data-provider="sage_accounting"] .byte8-sync-chip');
  const newInvoice = async () => {
    const deps = { db: shop.db, hooks: shop.byte8.hooks };
    const id = await invoiceOrder(deps, await placeOrder(deps, { customerId: 1, items: [{ productId: 2, qty: 1 }], paymentMethod: 'checkmo' }));
    const { number } = await shop.db.selectFrom('shop_invoices').select('number').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, number };
  };

  beforeAll(async () => {
    shop = await startShop({ port: 0, logger: silentLogger, admin: LOGIN });
    ({ browser, page } = await openBrowser(LOGIN));
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('shop: confirms an order, shows its sync status, says the invoice was paid, refunds one line, refuses what is out of stock', async () => {
    await page.goto(`${shop.shopUrl}/`);
    expect(await page.locator('#order-product option').allInnerTexts()).toEqual([
      'Messenger bag (MB01, 38 in stock)',
      'Enamel mug (MUG1, 112 in stock)',
      'Gift card 25 (GIFT25, out of stock)',
    ]);
    await page.getByLabel('Product', { exact: true }).selectOption({ label: 'Messenger bag (MB01, 38 in stock)' });
    await page.getByLabel('Qty').fill('2');
    await page.getByRole('button', { name: 'Place order' }).click();
    const notice = await text(page.locator('#order-placed'));
    expect(notice).toMatch(/^Order ORD-\d{6} placed for jane@example\.com: 2 × Messenger bag; total 81\.60 GBP\./);
    const order = /ORD-\d{6}/.exec(notice)![0];
    const row = page.locator('tr', { hasText: order });
    // Labels for screen readers take no room; order numbers stay on one line.
    const srBox = await page.locator('label.sr').first().boundingBox();
    expect(srBox!.width).toBeLessThanOrEqual(1);
    const numberCell = row.locator('td').first();
    expect(await numberCell.evaluate((td) => (globalThis as unknown as InPage).getComputedStyle(td).whiteSpace)).toBe('nowrap');
    await shot('01-shop-order-placed');
    const lineBoxes = await numberCell.evaluate((td) => {
      const range = (globalThis as unknown as InPage).document.createRange();
      range.selectNodeContents(td);
      return range.getClientRects().length;
    });
    expect(lineBoxes).toBe(1);

    await row.getByRole('button', { name: /^Invoice ORD-/ }).click();
    const invoice = (await text(page.locator('h1'))).replace('Invoice ', '');
    expect(await text(page.locator('#invoice-payment'))).toMatch(/^Not paid yet\./);
    await page.goto(`${shop.shopUrl}/`);
    expect(await text(page.locator('thead').nth(0))).toContain('Sage Status');
    await eventually(async () => {
      await page.reload();
      expect(await text(page.locator('tr', { hasText: order }).locator('td[data-provider="sage_accounting"]'))).toBe(`${invoice} ✓ Synced`);
    });
    await shot('02-shop-orders-sync-column');

    await page.locator('tr', { hasText: order }).getByRole('link', { name: invoice }).click();
    await page.getByRole('button', { name: `Pay ${invoice}` }).click();
    expect(await text(page.locator('#invoice-payment'))).toMatch(/^Paid 81\.60 GBP on \d{4}-\d\d-\d\d \d\d:\d\d UTC by Check \/ Money order \(transaction demo-\d+\)\.$/);
    await shot('03-shop-invoice-paid');

    await page.getByLabel('Quantity of MB01 to refund').fill('1');
    await page.getByLabel('Reason').fill('Strap torn');
    await page.getByRole('button', { name: 'Refund selected' }).click();
    expect(await text(page.locator('h1'))).toMatch(/^Credit memo CM-\d{6}$/);
    const memoRow = page.locator('main table tbody tr');
    expect(await memoRow.count()).toBe(1);
    expect((await memoRow.allInnerTexts())[0]!.split('\t').map((c) => c.trim())).toEqual(['MB01', 'Messenger bag', '1', '34.00', '40.80']);
    expect(await text(page.locator('main section').first())).toContain('Refund total 40.80 GBP');
    await shot('04-shop-partial-refund');
    await page.getByRole('link', { name: '← Invoice' }).click();
    expect(await text(page.locator('#invoice-refunds'))).toMatch(/^Refunds: CM-\d{6}/);
    expect(await page.getByLabel('Quantity of MB01 to refund').getAttribute('max')).toBe('1');

    await page.goto(`${shop.shopUrl}/`);
    await page.getByLabel('Product', { exact: true }).selectOption({ label: 'Gift card 25 (GIFT25, out of stock)' });
    await page.getByRole('button', { name: 'Place order' }).click();
    expect(await text(page.getByRole('alert'))).toBe('Gift card 25 (GIFT25) is out of stock: the order was not placed.');
    await shot('05-shop-out-of-stock');

    const bare = await page.request.post(`${shop.shopUrl}/invoices/1/refund`);
    expect(bare.status()).toBe(400);
    expect(await bare.text()).toContain('Nothing to refund: choose a quantity of at least one line, or the shipping.');
    expect(await bare.text()).not.toMatch(/\n\s+at /);
    expect((await page.request.get(`${shop.shopUrl}/favicon.ico`)).status()).toBe(200);
  });

  it('admin: a failure explained in words, synced again from the detail page; a skip synced again from the list', async () => {
    const sim = shop.simulator!;
    sim.setPolicy('invoice.created', { outcome: 'failed', errorCode: 'validation', message: 'Contact has no email address.' });
    const failed = await newInvoice();
    await page.goto(`${shop.adminUrl}invoices/${failed.id}`);
    await eventually(async () => {
      await page.reload();
      expect(await text(page.locator('.byte8-detail .byte8-sync-chip').first())).toBe('✗ Failed');
    });
    expect(await text(page.locator('.byte8-reason'))).toBe(
      'Sync failed: Sage Accounting rejected the data as invalid (validation). The ledger says: “Contact has no email address.”',
    );
    await shot('06-admin-failed-reason');
    sim.setPolicy('invoice.created', 'synced');
    await shop.byte8.worker.stop();
    await page.getByRole('button', { name: `Sync invoice ${failed.id} again with Sage Accounting` }).click();
    expect(await text(page.locator('.byte8-flash'))).toBe(`${failed.number}: Queued again for Sage Accounting: invoice.created.`);
    expect(await text(page.locator('.byte8-detail .byte8-sync-chip').first())).toBe('⏳ Pending');
    expect(await page.locator('.byte8-detail dt', { hasText: 'Last sync' }).count()).toBe(0);
    expect(await page.locator('.byte8-detail dt', { hasText: 'Queued' }).count()).toBe(1);
    await page.goto(`${shop.adminUrl}invoices`);
    const pendingRow = page.locator('#byte8-documents tr', { hasText: failed.number });
    expect(await text(pendingRow.locator('td').nth(4))).toBe('—');
    await shot('07-admin-pending-no-last-sync');
    shop.byte8.worker.start();
    await eventually(async () => {
      await page.reload();
      expect(await text(adminChip(failed.number))).toBe('✓ Synced');
    });

    sim.setPolicy('invoice.created', { outcome: 'skipped', skipReason: 'payment_method_not_mapped' });
    const skipped = await newInvoice();
    await page.goto(`${shop.adminUrl}invoices?status=skipped`);
    await eventually(async () => {
      await page.reload();
      expect(await text(adminChip(skipped.number))).toBe('⏸ Skipped');
    });
    sim.setPolicy('invoice.created', 'synced');
    await page.locator('#byte8-documents tr', { hasText: skipped.number }).getByRole('button', { name: /^Sync invoice \d+ again/ }).click();
    expect(page.url()).toContain('status=skipped');
    expect(await text(page.locator('.byte8-flash'))).toBe(`${skipped.number}: Queued again for Sage Accounting: invoice.created.`);
    await shot('08-admin-sync-again-from-list');
  });

  it('admin: sorts by Sage Status, problems first', async () => {
    shop.simulator!.setPolicy('invoice.created', { outcome: 'failed', errorCode: 'provider' });
    const failed = await newInvoice();
    await page.goto(`${shop.adminUrl}invoices`);
    await eventually(async () => {
      await page.reload();
      expect(await text(adminChip(failed.number))).toBe('✗ Failed');
    });
    shop.simulator!.setPolicy('invoice.created', 'synced');
    await page.getByRole('link', { name: 'Sage Status' }).click();
    await page.waitForURL(/sort=status_asc/);
    expect(await text(page.locator('th[aria-sort="ascending"]'))).toContain('Sage Status');
    expect(await text(page.locator('#byte8-documents tbody tr').first().locator('td[data-provider="sage_accounting"]'))).toBe('✗ Failed');
    await shot('09-admin-sorted-by-status');
    await page.getByRole('link', { name: /Sage Status/ }).click();
    await page.waitForURL(/sort=status_desc/);
    expect(await text(page.locator('#byte8-documents tbody tr').first().locator('td[data-provider="sage_accounting"]'))).toBe('✓ Synced');
  });

  it('admin: configuration leads with the connection; pairing again waits under it', async () => {
    await page.goto(`${shop.adminUrl}config`);
    const headings = await page.locator('#sage_accounting h3').allInnerTexts();
    expect(headings[0]).toBe('Connection');
    expect(await text(page.locator('#sage_accounting-status'))).toContain('Connected to Sage Accounting (UK)');
    expect(await page.getByRole('button', { name: 'Generate pairing code' }).isVisible()).toBe(false);
    await shot('10-config-connected-first');
    await page.getByText('Pair again…').click();
    expect(await page.getByRole('button', { name: 'Generate pairing code' }).isVisible()).toBe(true);
  });

  it('dashboard: the day’s figures and a 24-hour chart; the tile opens the ledger’s sync runs of this tenant', async () => {
    await page.goto(shop.adminUrl);
    const figure = (name: string) => text(page.locator(`[data-figure="${name}"] dd strong`));
    expect(Number(await figure('delivered-today'))).toBeGreaterThan(5);
    expect(await figure('pending')).toMatch(/^\d+$/);
    expect(Number(await figure('failed-24h'))).toBeGreaterThanOrEqual(1);
    expect(await figure('last-delivery')).toMatch(/just now|minutes ago/);
    expect(await page.locator('#sage_accounting-figures-chart svg g').count()).toBe(24);
    expect(await text(page.locator('#sage_accounting-figures-worker'))).toMatch(/^This process’s worker since it started: \d+ delivery attempts/);
    await shot('11-dashboard-figures');

    await page.locator('#sage_accounting-tile').click();
    await page.waitForURL(/\/sync\/sage_accounting$/);
    const frame = page.frameLocator('iframe');
    expect(await text(frame.locator('h1'))).toMatch(/^Sync runs of tenant [0-9a-f-]{36}$/);
    expect(await frame.locator('#sync-runs tbody tr').count()).toBeGreaterThan(3);
    expect(await text(frame.locator('#sync-runs'))).toContain('invoice.created');
    expect(await text(page.locator('main'))).not.toContain('not_found');
    await shot('12-sync-page-embed');
  });

  it('ledger: the simulator’s page shows the tenant, deliveries, pulls and callbacks', async () => {
    const sim = shop.simulator!;
    await page.goto(`${sim.url}/`);
    expect(await text(page.locator('h1'))).toBe('Byte8 Ledger simulator');
    expect(await page.locator('#tenants tbody tr').count()).toBe(1);
    expect(await page.locator('#deliveries tbody tr').count()).toBe(sim.deliveries.length);
    expect(await text(page.locator('#pulls'))).toContain('invoice');
    expect(await text(page.locator('#callbacks'))).toContain('validation');
    await shot('13-simulator-page');
    const json = await (await page.request.get(`${sim.url}/activity.json`)).json();
    expect(json.tenants[0].deliveries).toBe(sim.deliveries.length);
  });
});
