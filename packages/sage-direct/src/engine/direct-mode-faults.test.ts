import { creditMemoFixture, invoiceFixture, paymentFixture, testDialects } from '@byte8/testkit';
import { SAGE_SEED } from '@byte8/testkit/sage-api';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectAs } from '../sage-direct.test-helpers.js';
import { type DirectShop, startDirectShop } from './direct-shop.test-helpers.js';

/** One customer's invoice, its card payment and a partial refund: every kind of create of a sale. */
async function sellPayRefund(shop: DirectShop, id: number): Promise<void> {
  const open = invoiceFixture({ magento_id: id, increment_id: `INV${id}`, customer: { ...invoiceFixture().customer, magento_id: 1000 + id } });
  await shop.saveInvoice(open);
  const memo = creditMemoFixture({ magento_id: id, increment_id: `CM${id}`, invoice_id: id, invoice_increment_id: `INV${id}`, customer: open.customer, shipping_amount: 0, grand_total: 10.2, lines: [{ ...open.lines[0]!, qty: 0.25, line_subtotal: 8.5, line_tax: 1.7, line_total: 10.2 }] });
  await shop.saveCreditMemo(memo);
  await shop.saveInvoice({ ...open, state: 'paid', payment_method: 'stripe' }, open, paymentFixture({ magento_id: id, invoice_id: id, method: 'stripe', amount: 35.6 }));
}

function expectEachOnce(shop: DirectShop, sales: number): void {
  const business = shop.business;
  for (const resource of ['contacts', 'sales_invoices', 'sales_credit_notes', 'contact_allocations', 'contact_payments']) {
    expect(business.list(resource), resource).toHaveLength(sales);
  }
  const references = business.list('sales_invoices').map((invoice) => invoice.reference);
  expect(new Set(references).size).toBe(sales);
  for (const invoice of business.list('sales_invoices')) {
    // 45.80 invoiced, 10.20 credited, 35.60 paid: nothing left, whatever order Sage saw them in.
    expect(invoice.outstanding_amount, String(invoice.reference)).toBe(0);
  }
}

describe.each(testDialects(process.env, { mysql: true }))('direct mode under faults, exactly once in Sage, on $name (spec b.8, c.4)', (dialect) => {
  let shop: DirectShop;
  beforeEach(async () => {
    shop = await startDirectShop(dialect);
  });
  afterEach(() => shop?.close());

  it('adopts what Sage committed when the answer was lost (timeout after the 201) or was a 5xx, for every kind of create', async () => {
    const posts = ['/v3.1/contacts', '/v3.1/sales_invoices', '/v3.1/sales_credit_notes', '/v3.1/contact_allocations', '/v3.1/contact_payments'];
    for (const path of posts) shop.sim.faults.applyThenDropNext(1, { method: 'POST', path }).applyThenFailNext(1, 502, { method: 'POST', path });
    for (const id of [1, 2, 3]) await sellPayRefund(shop, id);
    await shop.drain();
    expect(shop.sim.faults.pending).toBe(0);
    expectEachOnce(shop, 3);
    expect(await shop.outboxStatuses()).toEqual({ succeeded: 9 });
    for (const id of [1, 2, 3]) {
      expect(await shop.chip('invoice', id)).toMatchObject({ status: 'synced', providerEntityId: expect.any(String) });
      expect(await shop.chip('creditmemo', id)).toMatchObject({ status: 'synced', providerReference: expect.stringMatching(/^CN-/) });
    }
  });

  it('retries a 503 and a hung call (nothing committed) and still creates once', async () => {
    shop.sim.faults.failNext(2, 503, undefined, { method: 'POST', path: '/v3.1/sales_invoices' }).hangNext(1, { method: 'POST', path: '/v3.1/contacts' });
    await sellPayRefund(shop, 1);
    await shop.drain();
    expectEachOnce(shop, 1);
  });

  it('honours Retry-After through a 429 storm and loses nothing (c.4)', async () => {
    shop.sim.faults.throttleNext(15, { retryAfter: 600 });
    for (const id of [1, 2]) await sellPayRefund(shop, id);
    await shop.byte8.worker.drainOnce();
    // The instants themselves, the wait worked out here: portable to every dialect.
    const waits = await sql<{ next_attempt_at: Date; last_attempt_at: Date }>`
      SELECT next_attempt_at, last_attempt_at FROM byte8_event_outbox WHERE status = 'pending' AND attempts > 0
    `.execute(shop.storage.db);
    expect(waits.rows.length).toBeGreaterThan(0);
    // The ladder's first step is 60 s; Sage said 600 s, and that wins.
    for (const row of waits.rows) expect(new Date(row.next_attempt_at).getTime() - new Date(row.last_attempt_at).getTime()).toBeGreaterThanOrEqual(600_000);
    await shop.drain();
    expectEachOnce(shop, 2);
    expect(shop.sim.stats.faulted).toBe(15);
    expect(shop.sim.faults.pending).toBe(0);
  });

  it("runs a batch at Sage's rate limit: 429s wait in-process for Retry-After, no row goes back to the ladder (c.4)", async () => {
    shop.sim.setRateLimit({ requests: 8, windowMs: 1_000 });
    for (const id of [1, 2, 3, 4]) await sellPayRefund(shop, id);
    await shop.byte8.worker.drainUntilIdle();
    expectEachOnce(shop, 4);
    expect(shop.sim.stats.throttled).toBeGreaterThan(0);
    const retried = await sql<{ n: string }>`SELECT count(*) AS n FROM byte8_event_outbox WHERE attempts <> 1 OR status <> 'succeeded'`.execute(shop.storage.db);
    expect(Number(retried.rows[0]!.n)).toBe(0);
    shop.sim.setRateLimit(null);
  });

  it('renews an access token that expires mid-batch with one refresh, and posts everything', async () => {
    await sellPayRefund(shop, 1);
    await shop.drain();
    const refreshes = shop.sim.stats.tokenGrants.refresh_token;
    for (const id of [2, 3, 4]) await sellPayRefund(shop, id);
    // Sage's clock passes the 300 s lifetime; the store still believes its token is fresh (c.2).
    shop.sim.advance(301_000);
    await shop.byte8.worker.drainUntilIdle();
    expect(shop.sim.stats.tokenGrants.refresh_token - refreshes).toBe(1);
    expect(shop.sim.stats.unauthorized).toBeGreaterThan(0);
    expectEachOnce(shop, 4);
  });

  it('holds every row when the grant is revoked, says reconnect, and resumes after reconnecting, posting once', async () => {
    await shop.saveInvoice(invoiceFixture({ magento_id: 1, increment_id: 'INV1' }));
    await shop.drain();
    shop.sim.revokeApp(SAGE_SEED.users.solo.id);
    for (const id of [2, 3]) await sellPayRefund(shop, id);
    await shop.drain();
    expect((await shop.sage.status()).state).toBe('reconnect_needed');
    const held = await sql<{ status: string; attempts: number }>`SELECT status, attempts FROM byte8_event_outbox WHERE entity_ref IN (2, 3)`.execute(shop.storage.db);
    expect(held.rows).toHaveLength(6);
    // Held, never dropped or counted as failed attempts.
    for (const row of held.rows) expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await shop.chip('invoice', 2))?.status).toBe('pending');
    // Enqueueing goes on while reconnect is needed.
    await shop.saveInvoice(invoiceFixture({ magento_id: 4, increment_id: 'INV4', customer: { ...invoiceFixture().customer, magento_id: 1004 } }));
    expect((await shop.outboxStatuses()).pending).toBe(7);

    const { outcome } = await connectAs(shop.sage, SAGE_SEED.users.solo.id);
    expect(outcome.ok).toBe(true);
    await shop.drain();
    expect(await shop.outboxStatuses()).toEqual({ succeeded: 8 });
    expect(shop.business.list('sales_invoices').map((invoice) => invoice.reference).sort()).toEqual(['INV1', 'INV2', 'INV3', 'INV4']);
    expect(await shop.chip('invoice', 3)).toMatchObject({ status: 'synced' });
  });
});
