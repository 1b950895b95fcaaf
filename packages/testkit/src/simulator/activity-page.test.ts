import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoiceFixture } from '../fixtures/invoice.js';
import { paymentFixture } from '../fixtures/payment.js';
import type { SimulatorActivity } from './activity-model.js';
import { LedgerSimulator } from './ledger-simulator.js';
import { deliver, type FakeHost, startFakeHost, type TestTenant } from './simulator.test-helpers.js';

let sim: LedgerSimulator;
let host: FakeHost;
let tenant: TestTenant;
const lines: string[] = [];

beforeEach(async () => {
  lines.length = 0;
  host = await startFakeHost();
  host.entities.set('invoice/42', invoiceFixture());
  host.entities.set('payment/42', paymentFixture());
  sim = await LedgerSimulator.start({ policy: { default: 'synced', 'invoice.paid': { outcome: 'failed', errorCode: 'validation', message: 'No bank <account> mapped.' } }, onActivity: (line) => lines.push(line) });
  tenant = sim.registerTenant({ hostBaseUrl: host.url });
});
afterEach(async () => {
  await sim.stop();
  await host.close();
});

async function traffic() {
  await deliver(sim, tenant, { key: 'invoice.created:42' });
  await deliver(sim, tenant, { key: 'invoice.created:42' });
  await deliver(sim, tenant, { event: 'invoice.paid', key: 'invoice.paid:42', body: JSON.stringify({ magento_entity_id: 42, website_id: 1, store_id: 1, occurred_at: '2026-04-30T10:11:12Z', payload: { increment_id: '000000042' } }) });
  await deliver(sim, tenant, { key: 'invoice.created:43', token: null });
  await sim.waitForCallbacks(2);
  await sim.idle();
}

describe('what a merchant sees of the simulator', () => {
  it('prints one readable line per delivery, pull and callback, never a token or key', async () => {
    await traffic();
    expect(lines.filter((l) => l.includes(' delivery '))).toHaveLength(4);
    expect(lines).toContainEqual(expect.stringMatching(/^\d\d:\d\d:\d\d delivery invoice\.created #42 key=invoice\.created:42 tenant=\w{8} -> accepted as sync run \w{8}$/));
    expect(lines).toContainEqual(expect.stringMatching(/delivery invoice\.created #42 .* -> accepted again \(duplicate, not processed\)/));
    expect(lines).toContainEqual(expect.stringMatching(/delivery invoice\.created key=invoice\.created:43 .* -> refused 401: missing_token$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\d\d:\d\d:\d\d pull {5}invoice\/42 tenant=\w{8} -> 200, valid$/));
    expect(lines).toContainEqual(expect.stringMatching(/callback invoice\/42 failed \(validation\) tenant=\w{8} -> host answered 200$/));
    const text = lines.join('\n');
    expect(text).not.toContain(tenant.masterKey);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('serves a page of tenants, deliveries, duplicates, pulls and callbacks, escaped, and the same as JSON', async () => {
    await traffic();
    const response = await fetch(`${sim.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<h1>Byte8 Ledger simulator</h1>');
    expect(html).toMatch(/<dt>Duplicates<\/dt><dd>1<\/dd>/);
    expect(html).toContain(`href="/embed/${tenant.tenantId}"`);
    expect(html).toContain('202, duplicate (not processed again)');
    expect(html).toContain('401: missing_token');
    expect(html).toContain('No bank &lt;account&gt; mapped.');
    expect(html).not.toContain('<account>');
    expect(html).not.toContain(tenant.masterKey);

    const json = (await (await fetch(`${sim.url}/activity.json`)).json()) as SimulatorActivity;
    expect(json.tenants).toEqual([expect.objectContaining({ tenantId: tenant.tenantId, deliveries: 4, duplicates: 1, rejected: 1, pulls: 3, callbacks: 2 })]);
    expect(json.deliveries[0]).toMatchObject({ event: 'invoice.created', status: 401, error: 'missing_token' });
    expect(json.callbacks.map((c) => [c.entityType, c.syncStatus, c.errorCode, c.message])).toEqual(
      expect.arrayContaining([['invoice', 'failed', 'validation', 'No bank <account> mapped.'], ['invoice', 'synced', null, null]]),
    );
    expect(JSON.stringify(json)).not.toContain(tenant.masterKey);
  });

  it('serves the tenant’s embed: its sync runs with each event’s outcome; an unknown tenant is a plain 404', async () => {
    await traffic();
    const other = sim.registerTenant({ hostBaseUrl: host.url });
    const response = await fetch(`${sim.url}/embed/${encodeURIComponent(tenant.tenantId)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const html = await response.text();
    expect(html).toContain(`Sync runs of tenant <span class="mono">${tenant.tenantId}</span>`);
    expect(html).toMatch(/<td class="mono">invoice\.paid<\/td><td>invoice 42<\/td>\s*<td><span class="chip chip--failed">failed<\/span><\/td><td>validation<\/td>/);
    expect(html).toMatch(/<td class="mono">invoice\.created<\/td><td>invoice 42<\/td>\s*<td><span class="chip chip--synced">synced<\/span>/);
    expect(html).not.toContain(other.tenantId);
    const missing = await fetch(`${sim.url}/embed/nobody`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('The simulator has no tenant by that id');
    expect((await fetch(`${sim.url}/embed/%E0%A4%A`)).status).toBe(404);
    expect((await fetch(`${sim.url}/activity.json?tenant=nobody`)).status).toBe(404);
    expect((await fetch(`${sim.url}/embed/${tenant.tenantId}`, { method: 'POST' })).status).toBe(405);
  });
});
