import { sageAccounting } from '@byte8/sage-accounting';
import { describe, expect, it } from 'vitest';
import { useE2eHost } from '../host/e2e-host.test-helpers.js';
import { saveEachFixtureEntity } from '../host/fixture-host.test-helpers.js';

const SAGE = 'sage_accounting';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('Sage end to end with the LedgerSimulator', () => {
  const h = useE2eHost({ providers: [sageAccounting()], pair: SAGE });

  it('delivers one of each entity with the contract events, keys, envelopes and order, then the chips turn terminal', async () => {
    const startedAt = Date.now();
    await saveEachFixtureEntity(h.byte8.hooks);

    const pending = await h.byte8.admin.documentStatus('invoice', 42, SAGE);
    expect(pending.chip.label).toBe('⏳ Pending');

    await h.byte8.worker.drainUntilIdle();
    await h.sim.waitForCallbacks(5);
    await h.sim.idle();

    // Enqueued in the order the rules fired: created before paid on the one save.
    const { rows } = await h.byte8.storage.outbox.list({ provider: SAGE });
    expect([...rows].sort((a, b) => a.id - b.id).map((r) => r.idempotencyKey)).toEqual([
      'invoice.created:42',
      'invoice.paid:42',
      'creditmemo.created:7',
      'customer.upserted:5',
      'product.upserted:9',
    ]);
    expect(rows.every((r) => r.status === 'succeeded' && r.tenantId === h.tenantId)).toBe(true);

    // Exactly one delivery per event. Across entities the worker sends in parallel; within
    // one entity it keeps FIFO, so the ledger always hears created before paid.
    const byKey = (a: { idempotencyKey: string | null }, b: { idempotencyKey: string | null }) => String(a.idempotencyKey).localeCompare(String(b.idempotencyKey));
    const deliveries = [...h.sim.deliveries].sort(byKey);
    expect(deliveries.map((d) => [d.tenantId, d.provider, d.event, d.idempotencyKey, d.status, d.duplicate])).toEqual([
      [h.tenantId, SAGE, 'creditmemo.created', 'creditmemo.created:7', 202, false],
      [h.tenantId, SAGE, 'customer.upserted', 'customer.upserted:5', 202, false],
      [h.tenantId, SAGE, 'invoice.created', 'invoice.created:42', 202, false],
      [h.tenantId, SAGE, 'invoice.paid', 'invoice.paid:42', 202, false],
      [h.tenantId, SAGE, 'product.upserted', 'product.upserted:9', 202, false],
    ]);
    const keysInArrivalOrder = h.sim.deliveries.map((d) => d.idempotencyKey);
    expect(keysInArrivalOrder.indexOf('invoice.created:42')).toBeLessThan(keysInArrivalOrder.indexOf('invoice.paid:42'));

    const envelopes = deliveries.map((d) => d.envelope);
    const scoped = (id: number, website: number, store: number, payload: object) => ({
      magento_entity_id: id,
      website_id: website,
      store_id: store,
      occurred_at: expect.stringMatching(TIMESTAMP),
      payload,
    });
    expect(envelopes).toEqual([
      scoped(7, 1, 1, { increment_id: '000000007' }),
      scoped(5, 1, 0, {}),
      scoped(42, 1, 1, { increment_id: '000000042', paid: true }),
      scoped(42, 1, 1, { increment_id: '000000042' }),
      scoped(9, 0, 0, {}),
    ]);
    for (const envelope of envelopes) {
      const at = Date.parse(envelope!.occurred_at);
      expect(at).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
    // Sage is the legacy default binding: no `?provider=` on its webhooks, and the body is the exact compact bytes.
    const webhooks = h.sim.exchanges.filter((e) => e.direction === 'to-ledger' && e.path.startsWith('/webhooks/')).sort((a, b) => a.path.localeCompare(b.path));
    expect(webhooks.map((e) => e.path)).toEqual([
      `/webhooks/magento/${h.tenantId}/creditmemo.created`,
      `/webhooks/magento/${h.tenantId}/customer.upserted`,
      `/webhooks/magento/${h.tenantId}/invoice.created`,
      `/webhooks/magento/${h.tenantId}/invoice.paid`,
      `/webhooks/magento/${h.tenantId}/product.upserted`,
    ]);
    expect(webhooks[1]!.body).toMatch(/^\{"magento_entity_id":5,"website_id":1,"store_id":0,"occurred_at":"[^"]+","payload":\{\}\}$/);

    const chips = await Promise.all([
      h.byte8.admin.documentStatus('invoice', 42, SAGE),
      h.byte8.admin.documentStatus('creditmemo', 7, SAGE),
      h.byte8.admin.documentStatus('customer', 5, SAGE),
      h.byte8.admin.documentStatus('product', 9, SAGE),
    ]);
    expect(chips.map((c) => c.chip.label)).toEqual(['✓ Synced', '✓ Synced', '✓ Synced', '✓ Synced']);
    expect(h.sim.processed.every((p) => p.outcome === 'synced' && p.reason === null)).toBe(true);
  });

  it('sends nothing for a cancelled invoice or an update save of an open one', async () => {
    h.sim.reset();
    h.source.invoices.set(43, { ...h.source.invoices.get(42)!, magento_id: 43, increment_id: '000000043', state: 'cancelled' });
    await h.byte8.hooks.invoiceSaved({ before: null, after: { id: 43, incrementId: '000000043', state: 'cancelled', websiteId: 1, storeId: 1 } });
    const open = { id: 44, incrementId: '000000044', state: 'open' as const, websiteId: 1, storeId: 1 };
    await h.byte8.hooks.invoiceSaved({ before: open, after: open });
    expect(await h.byte8.worker.drainUntilIdle()).toBe(0);
    expect(h.sim.deliveries).toEqual([]);
    expect((await h.byte8.admin.documentStatus('invoice', 43, SAGE)).chip.label).toBe('—');
  });
});
