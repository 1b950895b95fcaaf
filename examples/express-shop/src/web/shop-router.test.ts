import { silentLogger } from '@byte8/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningShop, startShop } from '../start-shop.js';

// The shop's own routes over HTTP: bad input is a 4xx with a clear message and changes nothing.
describe('shop routes', () => {
  let shop: RunningShop;
  beforeAll(async () => {
    shop = await startShop({ port: 0, logger: silentLogger, startWorker: false, admin: { user: 'a', password: 'b' } });
  });
  afterAll(() => shop?.close());

  const post = (path: string, form?: Record<string, string> | string, contentType = 'application/x-www-form-urlencoded') =>
    fetch(`${shop.shopUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      ...(form === undefined ? {} : { body: typeof form === 'string' ? form : new URLSearchParams(form).toString(), headers: { 'content-type': contentType } }),
    });
  const count = async (table: 'shop_orders' | 'shop_credit_memos' | 'shop_products' | 'shop_customers') =>
    Number((await shop.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const noStack = (text: string) => {
    expect(text).not.toMatch(/\n\s+at |node_modules|TypeError|ReferenceError/);
  };

  it('refuses every write route with no body, junk or wrong types: 400 with the reason, nothing written', async () => {
    const before = await Promise.all((['shop_orders', 'shop_credit_memos', 'shop_products', 'shop_customers'] as const).map(count));
    const cases: Array<[string, Record<string, string> | string | undefined, RegExp]> = [
      ['/invoices/1/refund', undefined, /Nothing to refund/],
      ['/invoices/1/refund', { 'qty-1': 'two' }, /whole numbers/],
      ['/invoices/1/refund', { 'qty-1': '-1' }, /whole numbers/],
      ['/invoices/abc/refund', { 'qty-1': '1' }, /Choose a valid invoice/],
      ['/invoices/999999/pay', undefined, /No invoice 999999/],
      ['/orders/abc/invoice', undefined, /Choose a valid order/],
      ['/orders', undefined, /Choose a valid product|at least one item|whole numbers/],
      ['/orders', { customerId: '1', productId: '1', qty: '1', paymentMethod: 'bitcoin' }, /Choose one of the payment methods offered/],
      ['/orders', { customerId: '1', productId: '1', qty: '99999999999' }, /whole numbers|Choose/],
      ['/orders', { customerId: 'guest', productId: '1', qty: '1' }, /guest email/],
      ['/products', undefined, /SKU and name are required/],
      ['/products', { sku: 'X1', name: 'X', price: 'free', stockQty: '1' }, /Price must be/],
      ['/products/1/stock', { stockQty: '-5' }, /Stock must be a whole number/],
      ['/customers', { email: 'not-an-email', firstName: 'A', lastName: 'B' }, /valid email/],
      ['/customers', '{"email":"a@b.c"}', /valid email/],
    ];
    for (const [path, form, message] of cases) {
      const response = await post(path, form, typeof form === 'string' ? 'application/json' : undefined);
      const text = await response.text();
      expect([path, response.status]).toEqual([path, 400]);
      expect(text).toMatch(message);
      noStack(text);
    }
    expect(await Promise.all((['shop_orders', 'shop_credit_memos', 'shop_products', 'shop_customers'] as const).map(count))).toEqual(before);
  });

  it('refuses an order of a product that is out of stock, saying so, and keeps the stock', async () => {
    const gift = await shop.db.selectFrom('shop_products').selectAll().where('sku', '=', 'GIFT25').executeTakeFirstOrThrow();
    expect(gift).toMatchObject({ stock_qty: 0, manage_stock: true });
    const before = await count('shop_orders');
    const response = await post('/orders', { customerId: '1', productId: String(gift.id), qty: '1', paymentMethod: 'checkmo' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Gift card 25 (GIFT25) is out of stock: the order was not placed.');
    expect(await count('shop_orders')).toBe(before);
    const home = await (await fetch(`${shop.shopUrl}/`)).text();
    expect(home).toContain('Gift card 25 (GIFT25, out of stock)');
  });

  it('confirms a placed order with what, for whom and how much', async () => {
    const response = await post('/orders', { customerId: '1', productId: '2', qty: '3', paymentMethod: 'checkmo' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/\?placed=\d+#order-\d+$/);
    const page = await (await fetch(`${shop.shopUrl}${location}`)).text();
    expect(page).toMatch(/<p class="notice" role="status" id="order-placed">Order <strong>ORD-\d{6}<\/strong> placed for jane@example\.com:\s*3 × Enamel mug; total 34\.20 GBP\./);
  });

  it('answers a malformed or oversized form with a 4xx page, an unknown page with 404, and serves a favicon', async () => {
    const huge = await post('/customers', `email=${'a'.repeat(20_000)}`);
    expect(huge.status).toBe(413);
    noStack(await huge.text());
    const missing = await fetch(`${shop.shopUrl}/invoices/abc`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('There is no such page.');
    const icon = await fetch(`${shop.shopUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });
});
