import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '@byte8/core';
import { SAGE_SEED } from '@byte8/testkit/sage-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundInvoice } from './domain/refunds.js';
import { invoiceOrder, payInvoice, placeOrder } from './domain/sales.js';
import { type RunningShop, startShop } from './start-shop.js';

// `BYTE8_MODE=direct pnpm start`: the same startup path, Sage posted straight to the Sage API simulator.
describe('startShop in direct mode (BYTE8_MODE=direct)', () => {
  let shop: RunningShop;
  const lines: string[] = [];
  beforeAll(async () => {
    shop = await startShop({ mode: 'direct', port: 0, logger: silentLogger, admin: { user: 'admin', password: 'secret' }, print: (line) => lines.push(line) });
  });
  afterAll(() => shop?.close());

  const business = () => shop.sageSimulator!.business(SAGE_SEED.businesses.solo.id);
  const status = (type: 'invoice' | 'creditmemo', id: number) => shop.byte8.admin.documentStatus(type, id, 'sage_accounting');
  async function waitForStatus(type: 'invoice' | 'creditmemo', id: number, want: string) {
    for (let i = 0; i < 200; i++) {
      const current = await status(type, id);
      if (current.status === want) return current;
      await sleep(100);
    }
    throw new Error(`${type} ${id} never became ${want}: ${JSON.stringify(await status(type, id))}`);
  }

  it('connects to the Sage simulator at start, says so, and posts the seeded documents there with no ledger', async () => {
    expect(lines.some((line) => line.startsWith('Sage:   direct mode, the Sage API simulator'))).toBe(true);
    expect((await shop.byte8.direct.get('sage_accounting')!.status()).state).toBe('connected');
    // Invoices 1 and 3 were paid by check, which the demo leaves unmapped (the ledger's advice for
    // offline methods): each invoice is in Sage, and its payment is skipped in words (b.3), as the
    // ledger reports it. Invoice 2 is unpaid; the refund of 3 is a credit note.
    for (const id of [1, 3]) {
      const skipped = await waitForStatus('invoice', id, 'skipped');
      expect(skipped.record).toMatchObject({ skipReason: 'payment_method_not_mapped', providerReference: expect.stringMatching(/^SI-\d+$/) });
    }
    await waitForStatus('invoice', 2, 'synced');
    await waitForStatus('creditmemo', 1, 'synced');
    expect(shop.simulator!.deliveries).toEqual([]);
    const invoices = business().list('sales_invoices');
    expect(invoices.length).toBeGreaterThanOrEqual(3);
  });

  it('shows the Sage id and SI number on the chip of a new invoice, then its payment and refund', async () => {
    const deps = { db: shop.db, hooks: shop.byte8.hooks };
    const order = await placeOrder(deps, { customerId: 1, items: [{ productId: 2, qty: 3 }], paymentMethod: 'checkmo', shippingAmount: 4.5 });
    const invoiceId = await invoiceOrder(deps, order);
    const synced = await waitForStatus('invoice', invoiceId, 'synced');
    const posted = business().list('sales_invoices').find((invoice) => invoice.id === synced.record?.providerEntityId);
    expect(posted).toBeDefined();
    expect(synced.record?.providerReference).toBe(posted!.displayed_as);
    // The chip's hover shows the Sage reference (b.9).
    expect(synced.chip.title).toContain(String(posted!.displayed_as));
    expect(posted).toMatchObject({ total_amount: 38.7 });
    await payInvoice(deps, invoiceId);
    const memo = await refundInvoice(deps, invoiceId, { reason: 'Changed mind' });
    const credit = await waitForStatus('creditmemo', memo, 'synced');
    expect(business().get('sales_credit_notes', credit.record!.providerEntityId!)).toBeDefined();
  });
});
