import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactFixture } from '../fixtures/contact.js';
import { invoiceFixture } from '../fixtures/invoice.js';
import { paymentFixture } from '../fixtures/payment.js';
import { LedgerSimulator } from './ledger-simulator.js';
import type { LedgerSimulatorOptions } from './simulator-options.js';
import { deliver, envelopeBody, type FakeHost, startFakeHost, type TestTenant, verifyInboundByHand } from './simulator.test-helpers.js';

let sim: LedgerSimulator;
let host: FakeHost;
let tenant: TestTenant;

async function setup(options: LedgerSimulatorOptions) {
  sim = await LedgerSimulator.start(options);
  tenant = sim.registerTenant({ hostBaseUrl: host.url });
}

beforeEach(async () => {
  host = await startFakeHost();
  host.entities.set('invoice/42', invoiceFixture());
  host.entities.set('payment/42', paymentFixture());
  host.entities.set('customer/5', contactFixture());
});
afterEach(async () => {
  await sim.stop();
  await host.close();
});

describe('processing after 202', () => {
  it('synced: pulls the invoice with a fresh inbound JWT, then calls back sync-state', async () => {
    await setup({ policy: 'synced' });
    const { json } = await deliver(sim, tenant);
    await sim.waitForCallbacks(1);

    const [pull, callback] = host.calls;
    expect(pull).toMatchObject({ method: 'GET', path: '/rest/V1/byte8/invoice/42' });
    expect(callback).toMatchObject({ method: 'POST', path: '/rest/V1/byte8/sync-state' });
    const claims = [pull!, callback!].map((c) => verifyInboundByHand(c.headers.authorization, tenant.masterKey));
    for (const c of claims) {
      expect(Object.keys(c)).toEqual(['iss', 'sub', 'aud', 'iat', 'nbf', 'exp', 'jti']);
      expect(c).toMatchObject({ iss: 'byte8-ledger', aud: 'magento', sub: tenant.tenantId });
      expect((c.exp as number) - (c.iat as number)).toBeLessThanOrEqual(300);
      expect(c.nbf as number).toBeLessThanOrEqual(c.iat as number);
      expect(c.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(claims[0]!.jti).not.toBe(claims[1]!.jti);

    const body = JSON.parse(callback!.body);
    expect(body).toMatchObject({
      entity_type: 'invoice',
      magento_entity_id: 42,
      provider: 'sage_accounting',
      sync_status: 'synced',
      provider_reference: null,
      skip_reason: null,
      error_code: null,
    });
    expect(body.provider_entity_id).toMatch(/^[0-9a-f]{32}$/);
    expect(body.last_sync_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(sim.pulls[0]).toMatchObject({ entityType: 'invoice', entityId: 42, status: 200, valid: true });
    expect(sim.callbacks[0]).toMatchObject({ status: 200, syncRunId: json.sync_run_id });
    expect(sim.processed[0]).toMatchObject({ outcome: 'synced', reason: null, syncRunId: json.sync_run_id });
    expect(sim.exchanges.filter((e) => e.direction === 'to-host')).toHaveLength(2);
  });

  it('invoice.paid also pulls the payment of the invoice', async () => {
    await setup({ policy: 'synced' });
    await deliver(sim, tenant, { event: 'invoice.paid', body: envelopeBody(42, { increment_id: '000000042' }) });
    await sim.waitForCallbacks(1);
    expect(host.calls.map((c) => c.path)).toEqual(['/rest/V1/byte8/invoice/42', '/rest/V1/byte8/payment/42', '/rest/V1/byte8/sync-state']);
  });

  it('calls back with the provider of the delivery and the entity type of the event', async () => {
    await setup({ policy: 'synced' });
    const xero = sim.registerTenant({ provider: 'xero', hostBaseUrl: host.url });
    await deliver(sim, xero, { event: 'customer.upserted', id: 5, provider: 'xero', body: envelopeBody(5, {}) });
    await sim.waitForCallbacks(1);
    expect(sim.callbacks[0]?.body).toMatchObject({ entity_type: 'customer', magento_entity_id: 5, provider: 'xero' });
  });

  it('skipped and failed policies carry their reason and error code', async () => {
    await setup({ policy: { default: { outcome: 'skipped', skipReason: 'zero_value_invoice' }, 'customer.upserted': { outcome: 'failed', errorCode: 'rate_limited' } } });
    await deliver(sim, tenant);
    await deliver(sim, tenant, { event: 'customer.upserted', id: 5, body: envelopeBody(5, {}) });
    await sim.waitForCallbacks(2);
    const byType = Object.fromEntries(sim.callbacks.map((c) => [c.body.entity_type, c.body]));
    expect(byType.invoice).toMatchObject({ sync_status: 'skipped', skip_reason: 'zero_value_invoice', error_code: null, provider_entity_id: null });
    expect(byType.customer).toMatchObject({ sync_status: 'failed', error_code: 'rate_limited', skip_reason: null });
  });

  it('setPolicy changes the outcome at run time, per event', async () => {
    await setup({ policy: 'synced' });
    sim.setPolicy('invoice.created', { outcome: 'failed' });
    await deliver(sim, tenant);
    await sim.waitForCallbacks(1);
    expect(sim.callbacks[0]?.body).toMatchObject({ sync_status: 'failed', error_code: 'provider' });
  });

  it('none (the default) accepts only: no pull, no callback', async () => {
    await setup({});
    await deliver(sim, tenant);
    await sim.idle();
    expect(host.calls).toHaveLength(0);
    expect(sim.processed).toHaveLength(0);
  });

  it('a missing entity fails with not_found and says why', async () => {
    await setup({ policy: 'synced' });
    await deliver(sim, tenant, { id: 77 });
    await sim.waitForCallbacks(1);
    expect(sim.pulls[0]).toMatchObject({ status: 404, valid: false });
    expect(sim.callbacks[0]?.body).toMatchObject({ sync_status: 'failed', error_code: 'not_found', magento_entity_id: 77 });
    expect(sim.processed[0]?.reason).toContain('pull invoice/77');
  });

  it('an entity that breaks the canonical schema fails with validation and names the field', async () => {
    await setup({ policy: 'synced' });
    host.entities.set('invoice/42', { ...invoiceFixture(), grand_total: '45.80' });
    await deliver(sim, tenant);
    await sim.waitForCallbacks(1);
    expect(sim.pulls[0]).toMatchObject({ status: 200, valid: false });
    expect(sim.pulls[0]?.issues.join()).toContain('grand_total');
    expect(sim.callbacks[0]?.body).toMatchObject({ sync_status: 'failed', error_code: 'validation' });
  });

  it('a pull refused with 401 fails with auth', async () => {
    await setup({ policy: 'synced' });
    host.pullStatus = 401;
    await deliver(sim, tenant, { event: 'creditmemo.created', id: 7, body: envelopeBody(7, { increment_id: '000000007' }) });
    await sim.waitForCallbacks(1);
    expect(sim.callbacks[0]?.body).toMatchObject({ entity_type: 'creditmemo', sync_status: 'failed', error_code: 'auth' });
  });

  it('waits the policy delay before processing', async () => {
    await setup({ policy: { outcome: 'synced', delayMs: 150 } });
    const started = Date.now();
    await deliver(sim, tenant);
    await sim.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(sim.callbacks).toHaveLength(1);
  });

  it('records a callback the host refused', async () => {
    await setup({ policy: 'synced' });
    host.callbackStatus = 400;
    await deliver(sim, tenant);
    await sim.waitForCallbacks(1);
    expect(sim.callbacks[0]?.status).toBe(400);
    expect(sim.processed[0]?.reason).toContain('callback answered 400');
  });

  it('a duplicate delivery is not processed twice', async () => {
    await setup({ policy: 'synced' });
    await deliver(sim, tenant);
    await deliver(sim, tenant);
    await sim.idle();
    expect(sim.callbacks).toHaveLength(1);
  });

  it('stop() cancels processing that is still waiting', async () => {
    await setup({ policy: { outcome: 'synced', delayMs: 10_000 } });
    await deliver(sim, tenant);
    await sim.stop();
    expect(host.calls).toHaveLength(0);
    sim = await LedgerSimulator.start(); // for afterEach
  });
});
