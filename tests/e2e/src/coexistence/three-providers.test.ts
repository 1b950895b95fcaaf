import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { sageAccounting } from '@byte8/sage-accounting';
import { xeroAccounting } from '@byte8/xero-accounting';
import { describe, expect, it } from 'vitest';
import { useE2eHost } from '../host/e2e-host.test-helpers.js';

const SAGE = 'sage_accounting';
const XERO = 'xero';
const FREEAGENT = 'freeagent';
const KEYS = [SAGE, XERO, FREEAGENT] as const;
const openInvoice = (id: number) => ({ id, incrementId: `0000000${id}`, state: 'open' as const, websiteId: 1, storeId: 1 });

describe('Sage, Xero and FreeAgent in one host', () => {
  // One row per drain pass, so a test can let the ledger answer each provider differently.
  const h = useE2eHost({ providers: [sageAccounting(), xeroAccounting(), freeAgentAccounting()], worker: { batchSize: 1 } });
  const tenants: Record<string, { tenantId: string; masterKey: string }> = {};
  const newInvoice = async (id: number) => {
    h.source.invoices.set(id, { ...h.source.invoices.get(42)!, magento_id: id, increment_id: `0000000${id}`, state: 'open' });
    await h.byte8.hooks.invoiceSaved({ before: null, after: openInvoice(id) });
  };
  const chips = (id: number) => Promise.all(KEYS.map(async (key) => (await h.byte8.admin.documentStatus('invoice', id, key)).chip.label));

  it('pairs each provider on its own route with its own code, tenant, key and ledger binding', async () => {
    // A code belongs to its provider: Sage's code does not open Xero's route, nor Xero's FreeAgent's.
    expect((await h.pair(SAGE, { provider: XERO })).status).toBe(401);
    expect((await h.pair(XERO, { provider: FREEAGENT })).status).toBe(401);

    for (const key of KEYS) {
      const paired = await h.pair(key);
      expect(paired.status).toBe(200);
      tenants[key] = paired;
    }
    const pairRoutes = h.sim.exchanges.filter((e) => e.direction === 'to-host' && e.status === 200).map((e) => new URL(e.url).pathname);
    expect(pairRoutes).toEqual(['/rest/V1/byte8/setup/pair', '/rest/V1/byte8/xero_accounting/setup/pair', '/rest/V1/byte8/freeagent_accounting/setup/pair']);
    expect(new Set(KEYS.map((k) => tenants[k]!.tenantId)).size).toBe(3);
    expect(new Set(KEYS.map((k) => tenants[k]!.masterKey)).size).toBe(3);
    expect(KEYS.map((k) => h.sim.tenant(tenants[k]!.tenantId)?.bindings)).toEqual([[SAGE], [XERO], [FREEAGENT]]);

    const statuses = await Promise.all(KEYS.map((key) => h.byte8.admin.connectionStatus(key)));
    expect(statuses.map((s) => [s.connected, s.tenantId])).toEqual(KEYS.map((k) => [true, tenants[k]!.tenantId]));
  });

  it('gives one invoice an outbox row, a delivery and a chip per provider; a product goes to Sage alone', async () => {
    await newInvoice(50);
    // Xero and FreeAgent have no product event.
    await h.byte8.hooks.productSaved({ after: { id: 9 } });

    const { rows } = await h.byte8.storage.outbox.list({});
    expect(rows.map((r) => [r.provider, r.tenantId, r.idempotencyKey]).sort()).toEqual([
      [FREEAGENT, tenants[FREEAGENT]!.tenantId, 'invoice.created:50'],
      [SAGE, tenants[SAGE]!.tenantId, 'invoice.created:50'],
      [SAGE, tenants[SAGE]!.tenantId, 'product.upserted:9'],
      [XERO, tenants[XERO]!.tenantId, 'invoice.created:50'],
    ]);
    expect(await chips(50)).toEqual(['⏳ Pending', '⏳ Pending', '⏳ Pending']);
    expect((await h.byte8.storage.syncState.find('product', 9, XERO))?.status ?? null).toBeNull();

    await h.byte8.worker.drainUntilIdle();
    await h.sim.waitForCallbacks(4);
    await h.sim.idle();

    // Each binding heard only about its own tenant, Sage without `?provider=`, the others with their key.
    const webhooks = h.sim.exchanges.filter((e) => e.direction === 'to-ledger' && e.path.startsWith('/webhooks/')).map((e) => [e.path, e.status]);
    expect(webhooks.sort()).toEqual(
      [
        [`/webhooks/magento/${tenants[FREEAGENT]!.tenantId}/invoice.created?provider=freeagent`, 202],
        [`/webhooks/magento/${tenants[SAGE]!.tenantId}/invoice.created`, 202],
        [`/webhooks/magento/${tenants[SAGE]!.tenantId}/product.upserted`, 202],
        [`/webhooks/magento/${tenants[XERO]!.tenantId}/invoice.created?provider=xero`, 202],
      ].sort(),
    );
    expect(h.sim.processed.map((p) => [p.provider, p.tenantId, p.outcome]).sort()).toEqual(
      [...KEYS.map((k) => [k, tenants[k]!.tenantId, 'synced']), [SAGE, tenants[SAGE]!.tenantId, 'synced']].sort(),
    );

    // Three chip columns: each provider's own status, label and provider entity id.
    const views = await Promise.all(KEYS.map((key) => h.byte8.admin.documentStatuses('invoice', [50], key)));
    expect(views.map(([v]) => [v!.provider, v!.chip.label])).toEqual(KEYS.map((k) => [k, '✓ Synced']));
    expect(new Set(views.map(([v]) => v!.record!.providerEntityId)).size).toBe(3);
    expect(h.byte8.providers.map((p) => p.labels.statusColumn)).toEqual(['Sage Status', 'Xero Status', 'FreeAgent Status']);
  });

  it('keeps each provider chip its own when the ledger answers them differently', async () => {
    h.sim.reset();
    await newInvoice(51);
    const outcomes = [
      { outcome: 'skipped', skipReason: 'zero_value_invoice' },
      { outcome: 'failed', errorCode: 'provider' },
      { outcome: 'synced' },
    ] as const;
    for (const [index, policy] of outcomes.entries()) {
      h.sim.setPolicy('invoice.created', policy);
      expect(await h.byte8.worker.drainOnce()).toBe(1);
      await h.sim.waitForCallbacks(index + 1);
    }
    await h.sim.idle();
    h.sim.setPolicy('invoice.created', 'synced');

    const order = h.sim.processed.map((p) => p.provider);
    expect([...order].sort()).toEqual([...KEYS].sort());
    const seen = await Promise.all(order.map(async (key) => (await h.byte8.admin.documentStatus('invoice', 51, key)).chip));
    expect(seen.map((c) => [c.label, c.title])).toEqual([
      ['⏸ Skipped', 'Skipped: zero_value_invoice'],
      ['✗ Failed', 'Error: provider'],
      ['✓ Synced', expect.any(String)],
    ]);
  });

  it('disconnecting Xero leaves Sage and FreeAgent delivering, and keeps Xero history', async () => {
    h.sim.reset();
    expect(await h.byte8.admin.disconnect(XERO)).toEqual({ wasConnected: true, acknowledged: true });
    expect(h.sim.tenant(tenants[XERO]!.tenantId)?.disconnected).toBe(true);
    expect((await Promise.all(KEYS.map((key) => h.byte8.admin.connectionStatus(key)))).map((s) => s.connected)).toEqual([true, false, true]);

    await newInvoice(52);
    await h.byte8.worker.drainUntilIdle();
    await h.sim.waitForCallbacks(2);
    await h.sim.idle();

    expect(h.sim.deliveries.map((d) => [d.provider, d.tenantId, d.idempotencyKey]).sort()).toEqual([
      [FREEAGENT, tenants[FREEAGENT]!.tenantId, 'invoice.created:52'],
      [SAGE, tenants[SAGE]!.tenantId, 'invoice.created:52'],
    ]);
    const { rows } = await h.byte8.storage.outbox.list({ provider: XERO });
    expect(rows.map((r) => r.idempotencyKey)).not.toContain('invoice.created:52');
    expect(await chips(52)).toEqual(['✓ Synced', '—', '✓ Synced']);
    expect(await chips(50)).toEqual(['✓ Synced', '✓ Synced', '✓ Synced']);
  });
});
