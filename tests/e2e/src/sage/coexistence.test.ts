import { type Byte8, createByte8, createLogger, createStorage } from '@byte8/client';
import { freeAgent, LedgerSimulator } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sageAccounting } from '@byte8/sage-accounting';
import { FixtureHost } from './fixture-host.test-helpers.js';
import { startHostServer } from './host-server.test-helpers.js';

const SAGE = 'sage_accounting';
const FREEAGENT = 'freeagent';
const openInvoice = (id: number) => ({ id, incrementId: `0000000${id}`, state: 'open' as const, websiteId: 1, storeId: 1 });

describe('Sage and a second provider in one host', () => {
  const source = new FixtureHost();
  let sim: LedgerSimulator;
  let byte8: Byte8;
  let host: Awaited<ReturnType<typeof startHostServer>>;
  const tenants: Record<string, { tenantId: string; masterKey: string }> = {};

  beforeAll(async () => {
    sim = await LedgerSimulator.start({ policy: 'synced' });
    byte8 = await createByte8({
      storage: await createStorage(),
      providers: [sageAccounting(), freeAgent()],
      canonicalSource: source,
      ledger: { defaultBaseUrl: sim.url },
      logger: createLogger({ level: 'error' }),
      // One row per drain pass, so a test can let the ledger answer each provider differently.
      worker: { batchSize: 1 },
    });
    host = await startHostServer(byte8.handleInbound);
  });

  afterAll(async () => {
    await host?.close();
    await byte8?.close();
    await sim?.stop();
  });

  it('pairs each provider separately, on its own route, with its own tenant and key', async () => {
    const sageCode = (await byte8.admin.generatePairingCode(SAGE)).code;
    const freeAgentCode = (await byte8.admin.generatePairingCode(FREEAGENT)).code;

    // A code belongs to its provider: Sage's code does not open FreeAgent's route.
    const crossed = await sim.pair(host.url, sageCode, { provider: FREEAGENT });
    expect(crossed.status).toBe(401);

    const sage = await sim.pair(host.url, sageCode);
    const fa = await sim.pair(host.url, freeAgentCode, { provider: FREEAGENT, pairPath: '/rest/V1/byte8/freeagent/setup/pair' });
    expect([sage.status, fa.status]).toEqual([200, 200]);
    expect(sage.tenantId).not.toBe(fa.tenantId);
    expect(sage.masterKey).not.toBe(fa.masterKey);
    tenants[SAGE] = sage;
    tenants[FREEAGENT] = fa;

    const [sageStatus, faStatus] = await Promise.all([byte8.admin.connectionStatus(SAGE), byte8.admin.connectionStatus(FREEAGENT)]);
    expect([sageStatus.connected, sageStatus.tenantId]).toEqual([true, sage.tenantId]);
    expect([faStatus.connected, faStatus.tenantId]).toEqual([true, fa.tenantId]);
  });

  it('gives the same invoice one outbox row and one mirror row per provider, each delivered to its own tenant', async () => {
    source.invoices.set(50, { ...source.invoices.get(42)!, magento_id: 50, increment_id: '000000050', state: 'open' });
    await byte8.hooks.invoiceSaved({ before: null, after: openInvoice(50) });
    // A product save concerns Sage only: FreeAgent has no product event.
    await byte8.hooks.productSaved({ after: { id: 9 } });

    const { rows } = await byte8.storage.outbox.list({});
    expect(rows.map((r) => [r.provider, r.tenantId, r.idempotencyKey]).sort()).toEqual([
      [FREEAGENT, tenants[FREEAGENT]!.tenantId, 'invoice.created:50'],
      [SAGE, tenants[SAGE]!.tenantId, 'invoice.created:50'],
      [SAGE, tenants[SAGE]!.tenantId, 'product.upserted:9'],
    ]);
    const mirror = await Promise.all([
      byte8.storage.syncState.find('invoice', 50, SAGE),
      byte8.storage.syncState.find('invoice', 50, FREEAGENT),
      byte8.storage.syncState.find('product', 9, FREEAGENT),
    ]);
    expect(mirror.map((m) => m?.status ?? null)).toEqual(['pending', 'pending', null]);

    await byte8.worker.drainUntilIdle();
    await sim.waitForCallbacks(3);
    await sim.idle();

    expect(sim.deliveries.map((d) => [d.provider, d.tenantId, d.idempotencyKey, d.status]).sort()).toEqual([
      [FREEAGENT, tenants[FREEAGENT]!.tenantId, 'invoice.created:50', 202],
      [SAGE, tenants[SAGE]!.tenantId, 'invoice.created:50', 202],
      [SAGE, tenants[SAGE]!.tenantId, 'product.upserted:9', 202],
    ]);
    const webhookPaths = sim.exchanges.filter((e) => e.direction === 'to-ledger' && e.path.startsWith('/webhooks/')).map((e) => e.path);
    expect(webhookPaths).toContain(`/webhooks/magento/${tenants[FREEAGENT]!.tenantId}/invoice.created?provider=freeagent`);
    expect(webhookPaths).toContain(`/webhooks/magento/${tenants[SAGE]!.tenantId}/invoice.created`);

    const [sageChip, faChip] = await Promise.all([
      byte8.admin.documentStatus('invoice', 50, SAGE),
      byte8.admin.documentStatus('invoice', 50, FREEAGENT),
    ]);
    expect([sageChip.provider, sageChip.chip.label]).toEqual([SAGE, '✓ Synced']);
    expect([faChip.provider, faChip.chip.label]).toEqual([FREEAGENT, '✓ Synced']);
    expect(sageChip.record!.providerEntityId).not.toBe(faChip.record!.providerEntityId);
  });

  it('keeps chips per provider when the ledger answers them differently', async () => {
    sim.reset();
    source.invoices.set(51, { ...source.invoices.get(42)!, magento_id: 51, increment_id: '000000051', state: 'open' });
    await byte8.hooks.invoiceSaved({ before: null, after: openInvoice(51) });
    // The ledger skips the first provider's delivery and fails the second one's.
    sim.setPolicy('invoice.created', { outcome: 'skipped', skipReason: 'zero_value_invoice' });
    expect(await byte8.worker.drainOnce()).toBe(1);
    await sim.waitForCallbacks(1);
    const first = sim.processed[0]!.provider;
    sim.setPolicy('invoice.created', { outcome: 'failed', errorCode: 'provider' });
    await byte8.worker.drainUntilIdle();
    await sim.waitForCallbacks(2);
    await sim.idle();
    sim.setPolicy('invoice.created', 'synced');

    const second = first === SAGE ? FREEAGENT : SAGE;
    const chips = await Promise.all([byte8.admin.documentStatus('invoice', 51, first), byte8.admin.documentStatus('invoice', 51, second)]);
    expect(chips.map((c) => [c.provider, c.chip.label, c.chip.title])).toEqual([
      [first, '⏸ Skipped', 'Skipped: zero_value_invoice'],
      [second, '✗ Failed', 'Error: provider'],
    ]);
  });

  it('disconnecting one provider leaves the other working', async () => {
    sim.reset();
    const result = await byte8.admin.disconnect(FREEAGENT);
    expect(result).toEqual({ wasConnected: true, acknowledged: true });
    expect((await byte8.admin.connectionStatus(FREEAGENT)).connected).toBe(false);
    expect((await byte8.admin.connectionStatus(SAGE)).connected).toBe(true);

    source.invoices.set(52, { ...source.invoices.get(42)!, magento_id: 52, increment_id: '000000052', state: 'open' });
    await byte8.hooks.invoiceSaved({ before: null, after: openInvoice(52) });
    await byte8.worker.drainUntilIdle();
    await sim.waitForCallbacks(1);
    await sim.idle();

    expect(sim.deliveries.map((d) => [d.provider, d.tenantId, d.idempotencyKey])).toEqual([[SAGE, tenants[SAGE]!.tenantId, 'invoice.created:52']]);
    const { rows } = await byte8.storage.outbox.list({ provider: FREEAGENT });
    expect(rows.map((r) => r.idempotencyKey)).not.toContain('invoice.created:52');
    expect((await byte8.admin.documentStatus('invoice', 52, SAGE)).chip.label).toBe('✓ Synced');
    expect((await byte8.admin.documentStatus('invoice', 52, FREEAGENT)).chip.label).toBe('—');
    // Earlier FreeAgent history stays visible after the disconnect.
    expect((await byte8.admin.documentStatus('invoice', 50, FREEAGENT)).chip.label).toBe('✓ Synced');
  });
});
