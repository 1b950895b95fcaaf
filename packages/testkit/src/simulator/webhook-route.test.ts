import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerSimulator } from './ledger-simulator.js';
import { deliver, envelopeBody, hostClaims as hostClaimsFor, hostToken, type TestTenant, testSubkey } from './simulator.test-helpers.js';

let sim: LedgerSimulator;
let tenant: TestTenant;
const now = () => Math.floor(Date.now() / 1000);

beforeEach(async () => {
  sim = await LedgerSimulator.start();
  tenant = sim.registerTenant();
});
afterEach(() => sim.stop());

describe('POST /webhooks/magento/{tenant}/{event}', () => {
  it('accepts a valid delivery with 202 and a sync_run_id, and records it', async () => {
    const res = await deliver(sim, tenant);
    expect(res.status).toBe(202);
    expect(res.json.sync_run_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.deliveries).toHaveLength(1);
    expect(sim.deliveries[0]).toMatchObject({
      tenantId: tenant.tenantId,
      event: 'invoice.created',
      provider: 'sage_accounting',
      idempotencyKey: 'invoice.created:42',
      status: 202,
      duplicate: false,
      syncRunId: res.json.sync_run_id,
      envelope: { magento_entity_id: 42, payload: { increment_id: '000000042', paid: false } },
    });
    const exchange = sim.exchanges.find((e) => e.direction === 'to-ledger');
    expect(exchange).toMatchObject({ method: 'POST', status: 202, path: `/webhooks/magento/${tenant.tenantId}/invoice.created` });
    expect(exchange?.headers['idempotency-key']).toBe('invoice.created:42');
    expect(exchange?.body).toBe(envelopeBody());
  });

  it('answers a duplicate key with 202 and the same sync_run_id, and counts it', async () => {
    const first = await deliver(sim, tenant);
    const second = await deliver(sim, tenant);
    const other = await deliver(sim, tenant, { id: 43 });
    expect(second.status).toBe(202);
    expect(second.json.sync_run_id).toBe(first.json.sync_run_id);
    expect(other.json.sync_run_id).not.toBe(first.json.sync_run_id);
    expect(sim.stats).toMatchObject({ deliveries: 3, accepted: 3, uniqueKeys: 2, duplicateDeliveries: 1, rejected: 0 });
    expect(sim.deliveries[1]?.duplicate).toBe(true);
  });

  it('routes ?provider= to the binding and dedupes per provider', async () => {
    const both = sim.registerTenant({ provider: 'sage_accounting', bindings: ['xero'] });
    const sage = await deliver(sim, both);
    const xero = await deliver(sim, both, { provider: 'xero' });
    expect(xero.status).toBe(202);
    expect(xero.json.sync_run_id).not.toBe(sage.json.sync_run_id);
    expect(sim.deliveries.map((d) => d.provider)).toEqual(['sage_accounting', 'xero']);
    expect(sim.stats.uniqueKeys).toBe(2);
  });

  // sage-and-providers a.1: the ledger answers 400 "tenant has no active xero binding".
  it.each([
    ['a Sage tenant addressed as xero', 'sage_accounting', 'xero', 'tenant has no active xero binding'],
    ['a Xero tenant addressed without ?provider= (the legacy Sage default)', 'xero', undefined, 'tenant has no active sage_accounting binding'],
    ['a FreeAgent tenant addressed as xero', 'freeagent', 'xero', 'tenant has no active xero binding'],
  ])('refuses %s with 400 and accepts nothing', async (_name, boundTo, addressed, error) => {
    const bound = sim.registerTenant({ provider: boundTo });
    const res = await deliver(sim, bound, addressed ? { provider: addressed } : {});
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error });
    expect(sim.stats).toMatchObject({ deliveries: 1, accepted: 0, rejected: 1, uniqueKeys: 0 });
    expect(sim.deliveries[0]).toMatchObject({ tenantId: bound.tenantId, provider: addressed ?? 'sage_accounting', status: 400, error });
    await sim.idle();
    expect(sim.processed).toEqual([]);
    // Addressed to its own binding, the same delivery is accepted.
    expect((await deliver(sim, bound, boundTo === 'sage_accounting' ? {} : { provider: boundTo })).status).toBe(202);
  });

  it('checks the token before the binding: a bad token is 401 whatever the provider', async () => {
    const res = await deliver(sim, tenant, { provider: 'xero', token: 'not-a-jwt' });
    expect(res.status).toBe(401);
  });

  it('dedupes per tenant', async () => {
    const other = sim.registerTenant();
    const a = await deliver(sim, tenant);
    const b = await deliver(sim, other);
    expect(b.json.sync_run_id).not.toBe(a.json.sync_run_id);
    expect(sim.stats.duplicateDeliveries).toBe(0);
  });

  it.each([
    ['missing Idempotency-Key', { key: null }, 'missing_idempotency_key'],
    ['blank Idempotency-Key', { key: '  ' }, 'missing_idempotency_key'],
    ['unknown event', { event: 'order.placed' }, 'unknown_event'],
    ['body that is not JSON', { body: 'nope' }, 'invalid_envelope'],
    ['envelope with an extra member', { body: JSON.stringify({ ...JSON.parse(envelopeBody()), extra: 1 }) }, 'invalid_envelope'],
    ['envelope with entity id 0', { body: envelopeBody(0) }, 'invalid_envelope: magento_entity_id'],
    ['invoice.created without paid', { body: envelopeBody(42, { increment_id: '000000042' }) }, 'invalid_payload: paid'],
    ['customer.upserted with a payload', { event: 'customer.upserted', body: envelopeBody(5, { x: 1 }) }, 'invalid_payload'],
    ['occurred_at with an offset', { body: envelopeBody().replace('12Z', '12+00:00') }, 'invalid_envelope: occurred_at'],
  ] as const)('refuses a %s with 400 and records nothing as accepted', async (_name, options, reason) => {
    const res = await deliver(sim, tenant, options);
    expect(res.status).toBe(400);
    expect(res.json.error).toContain(reason);
    expect(sim.stats).toMatchObject({ deliveries: 1, accepted: 0, rejected: 1, uniqueKeys: 0 });
    expect(sim.deliveries[0]?.error).toContain(reason);
  });

  it('does not let a rejected delivery reserve its key', async () => {
    await deliver(sim, tenant, { body: 'nope' });
    const ok = await deliver(sim, tenant);
    expect(ok.status).toBe(202);
    expect(sim.stats.duplicateDeliveries).toBe(0);
  });
});

describe('outbound JWT checks (wire-contract §3.2)', () => {
  const cases: Array<[string, () => { token?: string | null; urlTenant?: string }, string]> = [
    ['no Authorization header', () => ({ token: null }), 'missing_token'],
    ['two segments', () => ({ token: 'abc.def' }), 'malformed'],
    ['a header that is not JSON', () => ({ token: `${Buffer.from('x').toString('base64url')}.e30.sig` }), 'bad_header'],
    ['alg HS512', () => ({ token: hostToken(tenant, {}, { header: { alg: 'HS512', typ: 'JWT' } }) }), 'unsupported_alg'],
    ['alg none', () => ({ token: hostToken(tenant, {}, { header: { alg: 'none', typ: 'JWT' } }) }), 'unsupported_alg'],
    ['no typ', () => ({ token: hostToken(tenant, {}, { header: { alg: 'HS256' } }) }), 'unsupported_typ'],
    ['an unknown tenant in the URL', () => ({ urlTenant: '00000000-0000-4000-8000-00000000dead' }), 'unknown_tenant'],
    ['the inbound key', () => ({ token: hostToken(tenant, {}, { key: testSubkey(tenant.masterKey, 'inbound') }) }), 'bad_signature'],
    ['another master key', () => ({ token: hostToken({ ...tenant, masterKey: 'byte8_lk_other' }) }), 'bad_signature'],
    ['a payload that is not JSON', () => ({ token: hostToken(tenant, {}, { rawPayload: 'not json' }) }), 'bad_payload'],
    ['iss byte8-ledger', () => ({ token: hostToken(tenant, { iss: 'byte8-ledger' }) }), 'iss_mismatch'],
    ['aud as an array', () => ({ token: hostToken(tenant, { aud: ['byte8-ledger'] }) }), 'aud_mismatch'],
    ['sub of another tenant', () => ({ token: hostToken(tenant, { sub: '00000000-0000-4000-8000-000000000002' }) }), 'sub_mismatch'],
    ['iat as a string', () => ({ token: hostToken(tenant, { iat: String(now()) }) }), 'non_integer_time'],
    ['exp as a fraction', () => ({ token: hostToken(tenant, { exp: now() + 30.5 }) }), 'non_integer_time'],
    ['iat written as 1767225600.0', () => ({ token: hostToken(tenant, {}, { rawPayload: JSON.stringify(hostClaimsFor(tenant.tenantId)).replace(/"iat":(\d+)/, '"iat":$1.0') }) }), 'non_integer_time'],
    ['no nbf', () => ({ token: hostToken(tenant, { nbf: undefined }) }), 'non_integer_time'],
    ['an empty jti', () => ({ token: hostToken(tenant, { jti: '' }) }), 'missing_jti'],
    ['iat 31 s ahead', () => ({ token: hostToken(tenant, { iat: now() + 31, nbf: now(), exp: now() + 60 }) }), 'iat_in_future'],
    ['nbf 5 s ahead', () => ({ token: hostToken(tenant, { nbf: now() + 5 }) }), 'not_yet_valid'],
    ['exp in the past', () => ({ token: hostToken(tenant, { iat: now() - 120, nbf: now() - 120, exp: now() - 60 }) }), 'expired'],
    ['a 61 s lifetime', () => ({ token: hostToken(tenant, { exp: now() + 61 }) }), 'ttl_too_long'],
  ];

  it.each(cases)('refuses a token with %s: 401 and the reason', async (_name, make, reason) => {
    const res = await deliver(sim, tenant, make());
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: reason });
    expect(sim.stats).toMatchObject({ rejected: 1, accepted: 0 });
  });

  it('accepts iat up to 30 s ahead and exactly 60 s of lifetime', async () => {
    const t = now();
    expect((await deliver(sim, tenant, { token: hostToken(tenant, { iat: t + 30, nbf: t, exp: t + 60 }) })).status).toBe(202);
    expect((await deliver(sim, tenant, { id: 43, token: hostToken(tenant, { iat: t, nbf: t, exp: t + 60 }) })).status).toBe(202);
  });

  it('refuses a replayed jti, even with another key', async () => {
    const token = hostToken(tenant);
    expect((await deliver(sim, tenant, { token })).status).toBe(202);
    const replay = await deliver(sim, tenant, { token, id: 43, key: 'invoice.created:43' });
    expect(replay).toMatchObject({ status: 401, json: { error: 'jti_replay' } });
  });

  it('refuses tokens of a disconnected tenant', async () => {
    sim.tenant(tenant.tenantId)!.disconnected = true;
    expect((await deliver(sim, tenant)).json).toEqual({ error: 'tenant_disconnected' });
  });

  it('checks time against the injected clock: the spec token is accepted at its time', async () => {
    const { SPEC_VECTORS } = await import('../vectors/spec-vectors.js');
    const v = SPEC_VECTORS.outboundToken;
    const clocked = await LedgerSimulator.start({ clock: { now: () => new Date((v.claims.iat + 10) * 1000) } });
    try {
      const known = clocked.registerTenant({ tenantId: v.claims.sub, masterKey: v.masterKey });
      const res = await deliver(clocked, known, { token: v.token });
      expect(res.status).toBe(202);
      expect((await deliver(clocked, known, { token: v.token })).json).toEqual({ error: 'jti_replay' });
    } finally {
      await clocked.stop();
    }
    // The same token on the real clock is long expired.
    const real = sim.registerTenant({ tenantId: v.claims.sub, masterKey: v.masterKey });
    expect((await deliver(sim, real, { token: v.token })).json).toEqual({ error: 'expired' });
  });
});
