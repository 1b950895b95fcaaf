import { type Byte8, createByte8, createStorage } from '@byte8/client';
import { type Provider, silentLogger } from '@byte8/core';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { LedgerSimulator } from '@byte8/testkit';
import { xeroAccounting } from '@byte8/xero-accounting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureHost } from '../host/fixture-host.test-helpers.js';
import { startHostServer } from '../host/host-server.test-helpers.js';

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
  const source = new FixtureHost();
  let sim: LedgerSimulator;
  let byte8: Byte8;
  let host: Awaited<ReturnType<typeof startHostServer>>;
  let tenantId: string;

  beforeAll(async () => {
    sim = await LedgerSimulator.start({ policy: 'synced' });
    byte8 = await createByte8({
      storage: await createStorage(),
      providers: [provider],
      canonicalSource: source,
      ledger: { defaultBaseUrl: sim.url },
      // Quiet: the binding test dead-letters on purpose.
      logger: silentLogger,
    });
    host = await startHostServer(byte8.handleInbound);
    const { code } = await byte8.admin.generatePairingCode(provider.key);
    // Paired on the provider's own route under /rest (the simulator's default for the key).
    const paired = await sim.pair(host.url, code, { provider: provider.key });
    expect(paired.status).toBe(200);
    expect(sim.exchanges.at(-1)?.url).toBe(`${host.url}/rest${provider.pairingPath}`);
    tenantId = paired.tenantId;
  });

  afterAll(async () => {
    await host?.close();
    await byte8?.close();
    await sim?.stop();
  });

  it('delivers invoices, payments, credit memos and customers to its binding; products stay home', async () => {
    const { hooks } = byte8;
    await hooks.invoiceSaved({ before: null, after: { id: 42, incrementId: '000000042', state: 'paid', websiteId: 1, storeId: 1 } });
    await hooks.creditMemoSaved({ before: null, after: { id: 7, incrementId: '000000007', websiteId: 1, storeId: 1 } });
    await hooks.customerSaved({ after: { id: 5, websiteId: 1 } });
    await hooks.productSaved({ after: { id: 9 } });
    await hooks.stockSaved({ productId: 9 });

    await byte8.worker.drainUntilIdle();
    await sim.waitForCallbacks(4);
    await sim.idle();

    const { rows } = await byte8.storage.outbox.list({});
    expect([...rows].sort((a, b) => a.id - b.id).map((r) => [r.provider, r.idempotencyKey, r.status])).toEqual([
      [provider.key, 'invoice.created:42', 'succeeded'],
      [provider.key, 'invoice.paid:42', 'succeeded'],
      [provider.key, 'creditmemo.created:7', 'succeeded'],
      [provider.key, 'customer.upserted:5', 'succeeded'],
    ]);
    const webhooks = sim.exchanges.filter((e) => e.direction === 'to-ledger' && e.path.startsWith('/webhooks/')).map((e) => e.path).sort();
    expect(webhooks).toEqual(
      ['creditmemo.created', 'customer.upserted', 'invoice.created', 'invoice.paid'].map((event) => `/webhooks/magento/${tenantId}/${event}?provider=${provider.key}`),
    );
    const keysInArrivalOrder = sim.deliveries.map((d) => d.idempotencyKey);
    expect(keysInArrivalOrder.indexOf('invoice.created:42')).toBeLessThan(keysInArrivalOrder.indexOf('invoice.paid:42'));
    expect(sim.deliveries.every((d) => d.status === 202 && d.provider === provider.key && d.tenantId === tenantId)).toBe(true);
    expect(sim.deliveries.find((d) => d.event === 'invoice.created')?.envelope).toMatchObject({ magento_entity_id: 42, payload: { increment_id: '000000042', paid: true } });
    // The ledger's callbacks name this provider, and its chips turn synced; the product has none.
    expect(sim.callbacks.every((c) => c.body.provider === provider.key && c.status === 200)).toBe(true);
    const chip = async (type: 'invoice' | 'creditmemo' | 'customer' | 'product', id: number) => (await byte8.admin.documentStatus(type, id, provider.key)).chip.label;
    expect([await chip('invoice', 42), await chip('creditmemo', 7), await chip('customer', 5), await chip('product', 9)]).toEqual(['✓ Synced', '✓ Synced', '✓ Synced', '—']);
  });

  it("dead-letters a delivery the ledger refuses because the tenant has no binding for this provider, with the ledger's 400", async () => {
    sim.reset();
    // Re-paired on this provider's route, but the ledger binds the new tenant to Sage.
    const { code } = await byte8.admin.generatePairingCode(provider.key);
    const repaired = await sim.pair(host.url, code, { provider: 'sage_accounting', pairPath: `/rest${provider.pairingPath}` });
    expect(repaired.status).toBe(200);
    expect(sim.tenant(repaired.tenantId)?.bindings).toEqual(['sage_accounting']);

    source.invoices.set(60, { ...source.invoices.get(42)!, magento_id: 60, increment_id: '000000060', state: 'open' });
    await byte8.hooks.invoiceSaved({ before: null, after: { id: 60, incrementId: '000000060', state: 'open', websiteId: 1, storeId: 1 } });
    await byte8.worker.drainUntilIdle();

    expect(sim.deliveries.map((d) => [d.provider, d.status, d.error])).toEqual([[provider.key, 400, `tenant has no active ${provider.key} binding`]]);
    const dead = await byte8.admin.deadLetters({ provider: provider.key });
    expect(dead.count).toBe(1);
    expect(dead.rows[0]).toMatchObject({ idempotencyKey: 'invoice.created:60', lastStatusCode: 400, lastError: `HTTP 400: {"error":"tenant has no active ${provider.key} binding"}` });
    expect((await byte8.admin.documentStatus('invoice', 60, provider.key)).chip.label).toBe('⏳ Pending');
  });
});
