import { type Provider, silentLogger } from '@byte8/core';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { xeroAccounting } from '@byte8/xero-accounting';
import { describe, expect, it } from 'vitest';
import { useE2eHost } from '../host/e2e-host.test-helpers.js';
import { saveEachFixtureEntity } from '../host/fixture-host.test-helpers.js';

/**
 * Xero and FreeAgent against the simulated ledger: the four events of their
 * Byte8 modules reach the tenant's binding with `?provider=<key>`, products
 * never leave the host, and a tenant without the binding refuses with 400.
 */
describe.each([
  ['Xero', xeroAccounting],
  ['FreeAgent', freeAgentAccounting],
])('%s end to end with the LedgerSimulator', (_name, factory: () => Provider) => {
  const provider = factory();
  // Quiet: the binding test dead-letters on purpose.
  const h = useE2eHost({ providers: [provider], logger: silentLogger, pair: provider.key });

  it("pairs on the provider's own route under /rest", () => {
    expect(h.sim.exchanges.find((e) => e.direction === 'to-host')?.url).toBe(`${h.url}/rest${provider.pairingPath}`);
    expect(h.sim.tenant(h.tenantId)?.bindings).toEqual([provider.key]);
  });

  it('delivers invoices, payments, credit memos and customers to its binding; products stay home', async () => {
    await saveEachFixtureEntity(h.byte8.hooks);

    await h.byte8.worker.drainUntilIdle();
    await h.sim.waitForCallbacks(4);
    await h.sim.idle();

    const { rows } = await h.byte8.storage.outbox.list({});
    expect([...rows].sort((a, b) => a.id - b.id).map((r) => [r.provider, r.idempotencyKey, r.status])).toEqual([
      [provider.key, 'invoice.created:42', 'succeeded'],
      [provider.key, 'invoice.paid:42', 'succeeded'],
      [provider.key, 'creditmemo.created:7', 'succeeded'],
      [provider.key, 'customer.upserted:5', 'succeeded'],
    ]);
    const webhooks = h.sim.exchanges.filter((e) => e.direction === 'to-ledger' && e.path.startsWith('/webhooks/')).map((e) => e.path).sort();
    expect(webhooks).toEqual(
      ['creditmemo.created', 'customer.upserted', 'invoice.created', 'invoice.paid'].map((event) => `/webhooks/magento/${h.tenantId}/${event}?provider=${provider.key}`),
    );
    const keysInArrivalOrder = h.sim.deliveries.map((d) => d.idempotencyKey);
    expect(keysInArrivalOrder.indexOf('invoice.created:42')).toBeLessThan(keysInArrivalOrder.indexOf('invoice.paid:42'));
    expect(h.sim.deliveries.every((d) => d.status === 202 && d.provider === provider.key && d.tenantId === h.tenantId)).toBe(true);
    expect(h.sim.deliveries.find((d) => d.event === 'invoice.created')?.envelope).toMatchObject({ magento_entity_id: 42, payload: { increment_id: '000000042', paid: true } });
    // The ledger's callbacks name this provider, and its chips turn synced; the product has none.
    expect(h.sim.callbacks.every((c) => c.body.provider === provider.key && c.status === 200)).toBe(true);
    const chip = async (type: 'invoice' | 'creditmemo' | 'customer' | 'product', id: number) => (await h.byte8.admin.documentStatus(type, id, provider.key)).chip.label;
    expect([await chip('invoice', 42), await chip('creditmemo', 7), await chip('customer', 5), await chip('product', 9)]).toEqual(['✓ Synced', '✓ Synced', '✓ Synced', '—']);
  });

  it("dead-letters a delivery the ledger refuses because the tenant has no binding for this provider, with the ledger's 400", async () => {
    h.sim.reset();
    // Re-paired on this provider's route, but the ledger binds the new tenant to Sage.
    const repaired = await h.pair(provider.key, { provider: 'sage_accounting', pairPath: `/rest${provider.pairingPath}` });
    expect(repaired.status).toBe(200);
    expect(h.sim.tenant(repaired.tenantId)?.bindings).toEqual(['sage_accounting']);

    h.source.invoices.set(60, { ...h.source.invoices.get(42)!, magento_id: 60, increment_id: '000000060', state: 'open' });
    await h.byte8.hooks.invoiceSaved({ before: null, after: { id: 60, incrementId: '000000060', state: 'open', websiteId: 1, storeId: 1 } });
    await h.byte8.worker.drainUntilIdle();

    expect(h.sim.deliveries.map((d) => [d.provider, d.status, d.error])).toEqual([[provider.key, 400, `tenant has no active ${provider.key} binding`]]);
    const dead = await h.byte8.admin.deadLetters({ provider: provider.key });
    expect(dead.count).toBe(1);
    expect(dead.rows[0]).toMatchObject({ idempotencyKey: 'invoice.created:60', lastStatusCode: 400, lastError: `HTTP 400: {"error":"tenant has no active ${provider.key} binding"}` });
    expect((await h.byte8.admin.documentStatus('invoice', 60, provider.key)).chip.label).toBe('⏳ Pending');
  });
});
