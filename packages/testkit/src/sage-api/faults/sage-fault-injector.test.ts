import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContact, invoiceBody, SOLO, soloClient } from '../resources/resource-fixtures.test-helpers.js';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { type ApiClient, connect, refresh, startSim } from '../sage-api.test-helpers.js';

let sim: SageApiSimulator;
let client: ApiClient;
let ledger: (code: string) => string;

beforeEach(async () => {
  sim = await startSim();
  ({ client, ledger } = await soloClient(sim));
});
afterEach(() => sim.stop());

const invoices = () => sim.business(SOLO).list('sales_invoices');

describe('fault injection', () => {
  it('answers the next N matching requests with a 5xx and Sage’s error array, changing nothing, then behaves', async () => {
    const contact = await createContact(client);
    sim.faults.failNext(2, 503, undefined, { method: 'POST', path: '/v3.1/sales_invoices' });
    expect((await client.get('/sales_invoices')).status).toBe(200);
    const first = await client.post('/sales_invoices', invoiceBody(contact.id, ledger('4000')));
    expect(first).toMatchObject({ status: 503, json: [{ $severity: 'error', $dataCode: 'ServiceUnavailable', $source: '' }] });
    expect((await client.post('/sales_invoices', invoiceBody(contact.id, ledger('4000')))).status).toBe(503);
    expect(invoices()).toEqual([]);
    const third = await client.post('/sales_invoices', invoiceBody(contact.id, ledger('4000')));
    expect(third.status).toBe(201);
    expect(third.json.displayed_as).toBe('SI-1');
    expect(sim.stats.faulted).toBe(2);
    expect(sim.requests.filter((record) => record.fault === 'status_503')).toHaveLength(2);
    expect(sim.stats.creates.sales_invoices).toBe(1);
  });

  it('applies a request and then drops the answer or fails it: Sage committed, the client never hears it', async () => {
    const contact = await createContact(client);
    sim.faults.applyThenDropNext(1, { method: 'POST', path: '/v3.1/sales_invoices' }).applyThenFailNext(1, 502, { method: 'POST', path: '/v3.1/sales_invoices' });
    await expect(client.post('/sales_invoices', invoiceBody(contact.id, ledger('4000')))).rejects.toThrow();
    expect(invoices().map((invoice) => invoice.displayed_as)).toEqual(['SI-1']);
    const second = await client.post('/sales_invoices', invoiceBody(contact.id, ledger('4000')));
    expect(second).toMatchObject({ status: 502, json: [{ $dataCode: 'BadGateway' }] });
    expect(invoices().map((invoice) => invoice.displayed_as)).toEqual(['SI-1', 'SI-2']);
    // A refused request is not applied, so it does not use up an after-apply fault.
    sim.faults.applyThenDropNext(1, { method: 'POST', path: '/v3.1/sales_invoices' });
    expect((await client.post('/sales_invoices', invoiceBody('no-such-contact', ledger('4000')))).status).toBe(422);
    expect(sim.faults.pending).toBe(1);
    expect(sim.requests.filter((record) => record.fault?.startsWith('applied_then')).map((record) => record.fault)).toEqual(['applied_then_drop', 'applied_then_502']);
  });

  it('matches paths by prefix or RegExp, methods in any case, and takes faults in queue order', async () => {
    sim.faults.failNext(1, 500, undefined, { path: /\/contacts\/?$/ }).failNext(1, 502, { custom: true }, { method: 'get' });
    expect(await client.get('/tax_rates')).toMatchObject({ status: 502, json: { custom: true } });
    expect((await client.get('/contacts')).status).toBe(500);
    expect((await client.get('/contacts')).status).toBe(200);
    expect(sim.faults.pending).toBe(0);
  });

  it('throttles with 429 and Retry-After', async () => {
    sim.faults.throttleNext(2, { retryAfter: 30 }).throttleNext(1, { status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    for (let i = 0; i < 2; i += 1) {
      const throttled = await client.get('/contacts');
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('30');
    }
    const unavailable = await client.get('/contacts');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    expect((await client.get('/contacts')).status).toBe(200);
  });

  it('drops the connection without an answer, and the request changes nothing', async () => {
    sim.faults.dropNext(1, { method: 'POST' });
    await expect(client.post('/contacts', { contact: { name: 'Lost', contact_type_ids: ['CUSTOMER'] } })).rejects.toThrow();
    expect(sim.business(SOLO).list('contacts')).toEqual([]);
    expect(sim.requests.at(-1)).toMatchObject({ status: 0, fault: 'drop' });
    expect((await client.post('/contacts', { contact: { name: 'Kept', contact_type_ids: ['CUSTOMER'] } })).status).toBe(201);
  });

  it('hangs past the client’s timeout; stop() still closes the hung connection', async () => {
    const { access_token } = await connect(sim);
    sim.faults.hangNext(2, { path: '/v3.1/user' });
    const started = Date.now();
    await expect(fetch(`${sim.urls.api}/user`, { headers: { authorization: `Bearer ${access_token}` }, signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|aborted/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const forever = fetch(`${sim.urls.api}/user`, { headers: { authorization: `Bearer ${access_token}` } });
    await expect.poll(() => sim.requests.filter((record) => record.fault === 'hang').length).toBe(2);
    await sim.stop();
    await expect(forever).rejects.toThrow();
  });

  it('a faulted token refresh changes nothing: the same refresh token works afterwards', async () => {
    const tokens = await connect(sim);
    sim.faults.failNext(1, 500, undefined, { path: '/token' });
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(500);
    expect((await refresh(sim, tokens.refresh_token)).status).toBe(200);
    expect(sim.stats.tokenGrants.refresh_token).toBe(1);
  });

  it('adds latency to every answer and clears everything on reset', async () => {
    sim.faults.addLatency(150).failNext(5, 500);
    const started = Date.now();
    expect((await client.get('/contacts')).status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    sim.reset();
    expect(sim.faults.pending).toBe(0);
    expect(sim.faults.latencyMs).toBe(0);
    expect(sim.stats.requests).toBe(0);
    expect((await client.get('/contacts')).status).toBe(200);
  });

  it('refuses nonsense fault settings', () => {
    expect(() => sim.faults.failNext(0, 500)).toThrow(RangeError);
    expect(() => sim.faults.dropNext(1.5)).toThrow(RangeError);
    expect(() => sim.faults.addLatency(-1)).toThrow(RangeError);
    expect(() => sim.advance(-5)).toThrow(RangeError);
  });
});
