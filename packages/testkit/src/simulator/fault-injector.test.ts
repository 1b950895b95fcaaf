import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerSimulator } from './ledger-simulator.js';
import { callLedger, deliver, envelopeBody, hostToken, type TestTenant } from './simulator.test-helpers.js';

let sim: LedgerSimulator;
let tenant: TestTenant;

beforeEach(async () => {
  sim = await LedgerSimulator.start();
  tenant = sim.registerTenant();
});
afterEach(() => sim.stop());

describe('fault injection', () => {
  it('fails the next N deliveries with a status and body, then behaves again', async () => {
    sim.faults.failNext(2, 500, { error: 'boom' });
    expect(await deliver(sim, tenant)).toMatchObject({ status: 500, json: { error: 'boom' } });
    expect((await deliver(sim, tenant)).status).toBe(500);
    expect((await deliver(sim, tenant)).status).toBe(202);
    expect(sim.stats).toMatchObject({ deliveries: 3, faulted: 2, accepted: 1, uniqueKeys: 1 });
    expect(sim.deliveries[0]).toMatchObject({ fault: 'status_500', status: 500 });
  });

  it('answers a fault before checking anything, so a faulted key is not reserved', async () => {
    sim.faults.failNext(1, 422);
    expect((await deliver(sim, tenant, { token: null })).status).toBe(422);
    expect((await deliver(sim, tenant)).status).toBe(202);
    expect(sim.stats.duplicateDeliveries).toBe(0);
  });

  it('targets one event when asked, leaving others alone', async () => {
    sim.faults.failNext(1, 422, undefined, { event: 'invoice.created' });
    expect((await deliver(sim, tenant, { event: 'customer.upserted', id: 5, body: envelopeBody(5, {}) })).status).toBe(202);
    expect((await deliver(sim, tenant)).status).toBe(422);
    expect((await deliver(sim, tenant)).status).toBe(202);
  });

  it('throttles with 429 or 503 and Retry-After', async () => {
    sim.faults.throttleNext(1).throttleNext(1, { status: 503, retryAfter: 7 });
    const first = await deliver(sim, tenant);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    const second = await deliver(sim, tenant);
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('7');
    expect((await deliver(sim, tenant)).status).toBe(202);
  });

  it('drops the connection without answering', async () => {
    sim.faults.dropNext(1);
    await expect(deliver(sim, tenant)).rejects.toThrow();
    expect(sim.exchanges[0]).toMatchObject({ status: 0, error: 'connection dropped by fault' });
    expect((await deliver(sim, tenant)).status).toBe(202);
  });

  it('adds latency to answers', async () => {
    sim.faults.addLatency(120);
    const started = performance.now();
    expect((await deliver(sim, tenant)).status).toBe(202);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(sim.exchanges[0]!.durationMs).toBeGreaterThanOrEqual(110);
  });

  it('rejects every JWT with 401 until reset', async () => {
    sim.faults.rejectJwts();
    expect(await deliver(sim, tenant)).toMatchObject({ status: 401, json: { error: 'token_revoked' } });
    expect((await callLedger(sim, '/v1/tile/health', { token: hostToken(tenant) })).status).toBe(401);
    sim.faults.reset();
    expect((await deliver(sim, tenant)).status).toBe(202);
  });

  it('makes health fail', async () => {
    sim.faults.failHealth(502);
    expect((await callLedger(sim, '/v1/tile/health', { token: hostToken(tenant) })).status).toBe(502);
  });

  it('reset() clears every fault at once', async () => {
    sim.faults.failNext(5, 500).dropNext(1).addLatency(1000).rejectJwts('x').failHealth();
    sim.faults.reset();
    expect(sim.faults.pendingDeliveryFaults).toBe(0);
    expect((await deliver(sim, tenant)).status).toBe(202);
    expect((await callLedger(sim, '/v1/tile/health', { token: hostToken(tenant) })).status).toBe(200);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => sim.faults.failNext(0, 500)).toThrow(RangeError);
    expect(() => sim.faults.dropNext(1.5)).toThrow(RangeError);
  });

  it('sim.reset() clears records and counters but keeps tenants and accepted keys', async () => {
    const first = await deliver(sim, tenant);
    sim.faults.failNext(1, 500);
    sim.reset();
    expect(sim.stats.deliveries).toBe(0);
    expect(sim.exchanges).toHaveLength(0);
    const again = await deliver(sim, tenant);
    expect(again.json.sync_run_id).toBe(first.json.sync_run_id);
  });

  it('keeps counters but no records when recording is off', async () => {
    const quiet = await LedgerSimulator.start({ record: false });
    try {
      const t = quiet.registerTenant();
      await deliver(quiet, t);
      await deliver(quiet, t);
      expect(quiet.stats).toMatchObject({ deliveries: 2, uniqueKeys: 1, duplicateDeliveries: 1 });
      expect(quiet.deliveries).toHaveLength(0);
      expect(quiet.exchanges).toHaveLength(0);
    } finally {
      await quiet.stop();
    }
  });
});
