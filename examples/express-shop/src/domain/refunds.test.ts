import { creditMemoSchema, silentLogger } from '@byte8/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningShop, startShop } from '../start-shop.js';
import { refundInvoice, refundableLines } from './refunds.js';
import { invoiceOrder, payInvoice, placeOrder } from './sales.js';

describe('partial refunds by line and quantity', () => {
  let shop: RunningShop;
  beforeAll(async () => {
    shop = await startShop({ port: 0, logger: silentLogger, seed: false, startWorker: false, admin: { user: 'a', password: 'b' } });
    await shop.db.insertInto('shop_customers').values({ email: 'r@example.com', first_name: 'R', last_name: 'S', street: '1 St', city: 'Leeds', postcode: 'LS1', country_id: 'GB' }).execute();
    await shop.db.insertInto('shop_products').values([
      { sku: 'MB01', name: 'Messenger bag', price: 34, tax_rate: 0.2, stock_qty: 10, manage_stock: true, product_type: 'simple' },
      { sku: 'MUG1', name: 'Enamel mug', price: 9.5, tax_rate: 0.2, stock_qty: 10, manage_stock: true, product_type: 'simple' },
    ]).execute();
  });
  afterAll(() => shop?.close());
  const deps = () => ({ db: shop.db, hooks: shop.byte8.hooks });
  const memoCount = async () => Number((await shop.db.selectFrom('shop_credit_memos').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function paidInvoice(): Promise<{ invoiceId: number; bag: number; mug: number }> {
    const order = await placeOrder(deps(), { customerId: 1, items: [{ productId: 1, qty: 1 }, { productId: 2, qty: 2 }], paymentMethod: 'checkmo', shippingAmount: 5 });
    const invoiceId = await invoiceOrder(deps(), order);
    await payInvoice(deps(), invoiceId);
    const lines = await shop.db.selectFrom('shop_order_lines').select(['id', 'sku']).where('order_id', '=', order).execute();
    return { invoiceId, bag: lines.find((l) => l.sku === 'MB01')!.id, mug: lines.find((l) => l.sku === 'MUG1')!.id };
  }

  it('books one mug of two: the memo’s canonical lines and totals are the refund, not the order (wire-contract §8.5)', async () => {
    const { invoiceId, mug } = await paidInvoice();
    const memoId = await refundInvoice(deps(), invoiceId, { lines: [{ orderLineId: mug, qty: 1 }], reason: 'One mug chipped' });
    const memo = creditMemoSchema.parse(await shop.byte8.canonicalSource.creditMemo(memoId));
    expect(memo.lines).toEqual([
      { sku: 'MUG1', name: 'Enamel mug', qty: 1, unit_price: 9.5, line_subtotal: 9.5, line_tax: 1.9, line_total: 11.4, tax_rate: 0.2, product_type: 'simple' },
    ]);
    expect(memo).toMatchObject({ invoice_id: invoiceId, grand_total: 11.4, shipping_amount: 0, adjustment_positive: 0, reason: 'One mug chipped' });
    expect((await refundableLines(shop.db, invoiceId)).lines.map((l) => [l.id, l.refunded])).toContainEqual([mug, 1]);
  });

  it('books the rest with the shipping, then refuses a third refund', async () => {
    const { invoiceId, bag, mug } = await paidInvoice();
    await refundInvoice(deps(), invoiceId, { lines: [{ orderLineId: mug, qty: 1 }] });
    const rest = await refundInvoice(deps(), invoiceId, { lines: [{ orderLineId: bag, qty: 1 }, { orderLineId: mug, qty: 1 }], shipping: true });
    const memo = creditMemoSchema.parse(await shop.byte8.canonicalSource.creditMemo(rest));
    expect(memo.lines.map((l) => [l.sku, l.qty, l.line_total])).toEqual([['MB01', 1, 40.8], ['MUG1', 1, 11.4]]);
    expect(memo).toMatchObject({ shipping_amount: 5, grand_total: 57.2 });
    await expect(refundInvoice(deps(), invoiceId)).rejects.toThrow(/refunded in full already/);
    await expect(refundInvoice(deps(), invoiceId, { lines: [], shipping: true })).rejects.toThrow(/shipping of INV-\d+ was refunded already/);
  });

  it('refuses too much, a line twice, a foreign line, a fraction, nothing at all, or an unpaid invoice, and writes nothing', async () => {
    const { invoiceId, bag, mug } = await paidInvoice();
    const before = await memoCount();
    const refused: Array<[Parameters<typeof refundInvoice>[2], RegExp]> = [
      [{ lines: [{ orderLineId: mug, qty: 3 }] }, /Only 2 of MUG1 are left to refund/],
      [{ lines: [{ orderLineId: mug, qty: 1 }, { orderLineId: mug, qty: 1 }] }, /MUG1 is listed twice/],
      [{ lines: [{ orderLineId: 99_999, qty: 1 }] }, /has no line 99999/],
      [{ lines: [{ orderLineId: bag, qty: 0.5 }] }, /whole numbers >= 0 \(MB01\)/],
      [{ lines: [{ orderLineId: bag, qty: 0 }] }, /Nothing to refund/],
    ];
    for (const [request, message] of refused) await expect(refundInvoice(deps(), invoiceId, request)).rejects.toThrow(message);
    const order = await placeOrder(deps(), { customerId: 1, items: [{ productId: 1, qty: 1 }], paymentMethod: 'checkmo' });
    await expect(refundInvoice(deps(), await invoiceOrder(deps(), order))).rejects.toThrow(/is not paid/);
    expect(await memoCount()).toBe(before);
  });
});
