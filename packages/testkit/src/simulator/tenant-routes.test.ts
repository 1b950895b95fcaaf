import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoiceFixture } from '../fixtures/invoice.js';
import { LedgerSimulator } from './ledger-simulator.js';
import { callLedger, deliver, type FakeHost, hostToken, startFakeHost, type TestTenant } from './simulator.test-helpers.js';

let sim: LedgerSimulator;
let host: FakeHost;
let tenant: TestTenant;
const disconnectKey = (t: TestTenant) => `disconnect:${createHash('sha1').update(t.tenantId).digest('hex')}`;

beforeEach(async () => {
  host = await startFakeHost();
  sim = await LedgerSimulator.start();
  tenant = sim.registerTenant({ hostBaseUrl: host.url });
});
afterEach(async () => {
  await sim.stop();
  await host.close();
});

describe('pair()', () => {
  it('mints a tenant and a master key, posts §4.2 to the host, and remembers the tenant on 200', async () => {
    host.acceptedCodes.add('0123456789abcdef0123456789abcdef');
    const result = await sim.pair(`${host.url}/`, '0123456789abcdef0123456789abcdef');
    expect(result.status).toBe(200);
    expect(result.body).toEqual([]);
    expect(result.tenantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.masterKey).toMatch(/^byte8_lk_[0-9a-f]{64}$/);
    const call = host.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'POST', path: '/rest/V1/byte8/setup/pair' });
    expect(call.headers.authorization).toBeUndefined();
    expect(JSON.parse(call.body)).toEqual({
      pairing_code: '0123456789abcdef0123456789abcdef',
      tenant_id: result.tenantId,
      byte8_api_key: result.masterKey,
      ledger_base_url: sim.url,
    });
    expect(sim.tenant(result.tenantId)).toMatchObject({ provider: 'sage_accounting', hostBaseUrl: host.url, disconnected: false });
  });

  it('does not remember a tenant the host refused', async () => {
    const result = await sim.pair(host.url, 'wrong');
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ message: 'Invalid or expired pairing code.' });
    expect(sim.tenant(result.tenantId)).toBeUndefined();
  });

  it('uses the provider pair path, or the one given', async () => {
    host.acceptedCodes.add('a').add('b');
    const xero = await sim.pair(host.url, 'a', { provider: 'xero' });
    // The route of Byte8's Xero module (sage-and-providers a.1): the key plus `_accounting`.
    expect(host.calls.at(-1)?.path).toBe('/rest/V1/byte8/xero_accounting/setup/pair');
    expect(sim.tenant(xero.tenantId)).toMatchObject({ provider: 'xero', bindings: ['xero'] });
    await sim.pair(host.url, 'b', { pairPath: '/custom/setup/pair' });
    expect(host.calls.at(-1)?.path).toBe('/custom/setup/pair');
  });

  it('pairs from a shell through POST /v1/magento/connect', async () => {
    host.acceptedCodes.add('c0de');
    const ok = await callLedger(sim, '/v1/magento/connect', { method: 'POST', body: JSON.stringify({ magento_base_url: host.url, pairing_code: 'c0de' }) });
    expect(ok.status).toBe(200);
    expect(sim.tenant(ok.json.tenant_id)).toBeDefined();
    const refused = await callLedger(sim, '/v1/magento/connect', { method: 'POST', body: JSON.stringify({ magento_base_url: host.url, pairing_code: 'c0de' }) });
    expect(refused).toMatchObject({ status: 502, json: { error: 'pairing_refused', host_status: 401 } });
    expect((await callLedger(sim, '/v1/magento/connect', { method: 'POST', body: '{}' })).status).toBe(400);
  });
});

describe('GET /v1/tile/health (§6.12)', () => {
  it('answers the shape the host consumes, from the tenant records', async () => {
    const res = await callLedger(sim, '/v1/tile/health', { token: hostToken(tenant) });
    expect(res).toMatchObject({
      status: 200,
      json: { tenant: { magento_connection_status: 'active' }, binding: { status: 'active', region: 'uk' }, sync: { last_run_at: null, pending_count: 0, failed_24h: 0 } },
    });
  });

  it('counts failures and the last run after processing', async () => {
    host.entities.set('invoice/42', invoiceFixture());
    sim.setPolicy('*', 'failed');
    await deliver(sim, tenant);
    await sim.idle();
    const res = await callLedger(sim, '/v1/tile/health', { token: hostToken(tenant) });
    expect(res.json.sync.failed_24h).toBe(1);
    expect(res.json.sync.last_run_at).toMatch(/Z$/);
  });

  it('takes per-tenant overrides', async () => {
    sim.setHealth(tenant.tenantId, { magento_connection_status: 'token_revoked', binding_status: 'revoked', region: 'ie', pending_count: 3, failed_24h: 2, last_run_at: '2026-04-20T12:00:00Z' });
    const res = await callLedger(sim, '/v1/tile/health', { token: hostToken(tenant) });
    expect(res.json).toEqual({
      tenant: { magento_connection_status: 'token_revoked' },
      binding: { status: 'revoked', region: 'ie' },
      sync: { last_run_at: '2026-04-20T12:00:00Z', pending_count: 3, failed_24h: 2 },
    });
  });

  it('needs a valid token', async () => {
    expect(await callLedger(sim, '/v1/tile/health')).toMatchObject({ status: 401, json: { error: 'missing_token' } });
    expect((await callLedger(sim, '/v1/tile/health', { token: hostToken(tenant, { aud: 'magento' }) })).json).toEqual({ error: 'aud_mismatch' });
  });
});

describe('GET /v1/status', () => {
  it('reports the latest outcome of an entity, 404 before any', async () => {
    const path = '/v1/status?entity_type=invoice&entity_id=42';
    expect((await callLedger(sim, path, { token: hostToken(tenant) })).status).toBe(404);
    host.entities.set('invoice/42', invoiceFixture());
    sim.setPolicy('*', 'synced');
    const { json } = await deliver(sim, tenant);
    await sim.idle();
    const res = await callLedger(sim, path, { token: hostToken(tenant) });
    expect(res).toMatchObject({ status: 200, json: { entity_type: 'invoice', entity_id: 42, sync_status: 'synced', sync_run_id: json.sync_run_id } });
  });

  it('refuses bad parameters with 400', async () => {
    expect((await callLedger(sim, '/v1/status?entity_type=order&entity_id=1', { token: hostToken(tenant) })).json).toEqual({ error: 'invalid_entity_type' });
    expect((await callLedger(sim, '/v1/status?entity_type=invoice&entity_id=x', { token: hostToken(tenant) })).json).toEqual({ error: 'invalid_entity_id' });
  });
});

describe('POST /v1/tenant/disconnect (§5.1)', () => {
  const disconnect = (t: TestTenant, init: { key?: string; body?: string } = {}) =>
    callLedger(sim, '/v1/tenant/disconnect', {
      method: 'POST',
      token: hostToken(t),
      headers: { 'content-type': 'application/json', 'idempotency-key': init.key ?? disconnectKey(t) },
      body: init.body ?? '{}',
    });

  it('marks the tenant disconnected with 204; later deliveries get 401; a repeat is 204', async () => {
    const res = await disconnect(tenant);
    expect(res.status).toBe(204);
    expect(sim.tenant(tenant.tenantId)?.disconnected).toBe(true);
    expect((await deliver(sim, tenant)).json).toEqual({ error: 'tenant_disconnected' });
    expect((await disconnect(tenant)).status).toBe(204);
  });

  it('requires the contract key and an empty object body', async () => {
    expect((await disconnect(tenant, { key: 'disconnect:x' })).json).toEqual({ error: 'bad_idempotency_key' });
    expect((await disconnect(tenant, { body: '{"a":1}' })).json).toEqual({ error: 'body_must_be_empty_object' });
    expect((await disconnect(tenant, { body: '[]' })).json).toEqual({ error: 'body_must_be_empty_object' });
    expect(sim.tenant(tenant.tenantId)?.disconnected).toBe(false);
  });

  it('needs a valid token', async () => {
    const res = await callLedger(sim, '/v1/tenant/disconnect', { method: 'POST', headers: { 'idempotency-key': disconnectKey(tenant) }, body: '{}' });
    expect(res).toMatchObject({ status: 401, json: { error: 'missing_token' } });
  });
});

describe('routing', () => {
  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    expect(await callLedger(sim, '/nope')).toMatchObject({ status: 404, json: { error: 'not_found' } });
    expect((await callLedger(sim, '/v1/tile/health', { method: 'POST' })).status).toBe(405);
    expect((await callLedger(sim, `/webhooks/magento/${tenant.tenantId}/invoice.created`)).status).toBe(405);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await callLedger(sim, `/webhooks/magento/${tenant.tenantId}/invoice.created`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }).catch((e: unknown) => e);
    // The client may see the socket close before reading the answer; the simulator's record says what it sent.
    if (res instanceof Error) await sim.waitFor(() => sim.exchanges.at(-1)?.status === 413, { timeoutMs: 2000 });
    else expect(res).toMatchObject({ status: 413, json: { error: 'request body too large' } });
    expect(sim.stats.deliveries).toBe(0);
  });

  it('registerTenant and pull() drive the host directly, with a token the test can spoil', async () => {
    host.entities.set('invoice/42', invoiceFixture());
    expect(await sim.pull(tenant.tenantId, 'invoice', 42)).toMatchObject({ status: 200, valid: true });
    expect(await sim.pull(tenant.tenantId, 'invoice', 41)).toMatchObject({ status: 404, valid: false });
    const expired = sim.mintInboundToken(tenant.tenantId, { now: Math.floor(Date.now() / 1000) - 600 });
    await sim.pull(tenant.tenantId, 'invoice', 42, { token: expired });
    expect(host.calls.at(-1)?.headers.authorization).toBe(`Bearer ${expired}`);
    expect(() => sim.mintInboundToken('nobody')).toThrow(/unknown tenant/);
  });
});
