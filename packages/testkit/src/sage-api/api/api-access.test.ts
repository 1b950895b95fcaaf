import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SageApiSimulator } from '../sage-api-simulator.js';
import { api, apiAs, connect, startSim } from '../sage-api.test-helpers.js';
import { SAGE_SEED } from '../seed/seeded-accounts.js';

let sim: SageApiSimulator;
beforeEach(async () => {
  sim = await startSim({ clock: { now: () => new Date('2026-03-01T10:00:00Z') } });
});
afterEach(() => sim.stop());

const { solo, north, south } = SAGE_SEED.businesses;
const contact = (name: string) => ({ contact: { name, contact_type_ids: ['CUSTOMER'] } });

describe('businesses and users (c.1)', () => {
  it('lists the businesses of the token user in a paged envelope, lead first, and serves /user', async () => {
    const { access_token } = await connect(sim, SAGE_SEED.users.multi.id);
    const list = await api(sim, 'GET', '/businesses', { token: access_token });
    expect(list.json).toMatchObject({ $total: 2, $page: 1, $next: null, $back: null, $itemsPerPage: 20 });
    expect(list.json.$items).toEqual([
      { id: north.id, displayed_as: 'North Shop Ltd', $path: `/businesses/${north.id}` },
      { id: south.id, displayed_as: 'South Shop Ltd', $path: `/businesses/${south.id}` },
    ]);
    expect((await api(sim, 'GET', '/businesses/lead', { token: access_token })).json).toMatchObject({ id: north.id, country: { id: 'GB' } });
    expect((await api(sim, 'GET', `/businesses/${south.id}`, { token: access_token })).json.name).toBe('South Shop Ltd');
    expect((await api(sim, 'GET', `/businesses/${solo.id}`, { token: access_token })).status).toBe(404);
    expect((await api(sim, 'GET', '/user', { token: access_token })).json).toMatchObject({ id: SAGE_SEED.users.multi.id, first_name: 'Morgan', email: 'morgan@multi.example.com' });
    expect((await api(sim, 'GET', '/financial_settings', { token: access_token })).json.base_currency.id).toBe('GBP');
  });

  it('X-Business selects the business; without it the lead business is used', async () => {
    const { access_token } = await connect(sim, SAGE_SEED.users.multi.id);
    const toSouth = await api(sim, 'POST', '/contacts', { token: access_token, business: south.id, body: contact('In South') });
    expect(toSouth.status).toBe(201);
    expect(toSouth.headers.get('x-business')).toBe(south.id);
    const toLead = await api(sim, 'POST', '/contacts', { token: access_token, body: contact('In North') });
    expect(toLead.headers.get('x-business')).toBe(north.id);
    expect(sim.business(south.id).list('contacts').map((c) => c.name)).toEqual(['In South']);
    expect(sim.business(north.id).list('contacts').map((c) => c.name)).toEqual(['In North']);
    expect((await api(sim, 'GET', `/contacts/${toSouth.json.id}`, { token: access_token })).status).toBe(404);
    expect((await api(sim, 'GET', `/contacts/${toSouth.json.id}`, { token: access_token, business: south.id })).status).toBe(200);
    expect(sim.requests.at(-1)).toMatchObject({ method: 'GET', businessId: south.id, status: 200, userId: SAGE_SEED.users.multi.id, tokenId: 'at_1' });
  });

  it('a token does not reach another user’s business', async () => {
    const soloToken = (await connect(sim)).access_token;
    const refused = await api(sim, 'POST', '/contacts', { token: soloToken, business: north.id, body: contact('Intruder') });
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual([{ $severity: 'error', $dataCode: 'AuthorizationFailure', $message: 'You do not have access to this business', $source: '' }]);
    expect(sim.business(north.id).list('contacts')).toEqual([]);
  });

  it('401 for a missing, unknown or expired token, and for a lapsed subscription (c.2)', async () => {
    const { access_token } = await connect(sim);
    expect((await api(sim, 'GET', '/contacts')).status).toBe(401);
    expect((await api(sim, 'GET', '/contacts', { token: 'not-a-token' })).json[0].$dataCode).toBe('AuthenticationFailure');
    sim.business(solo.id).subscriptionActive = false;
    const lapsed = await api(sim, 'GET', '/contacts', { token: access_token });
    expect(lapsed.status).toBe(401);
    expect(lapsed.json).toEqual([{ $severity: 'error', $dataCode: 'AuthorizationFailure', $message: 'No active subscription. (MSE)', $source: '' }]);
    sim.business(solo.id).subscriptionActive = true;
    expect((await api(sim, 'GET', '/contacts', { token: access_token })).status).toBe(200);
    sim.advance(300_000);
    expect((await api(sim, 'GET', '/contacts', { token: access_token })).status).toBe(401);
    expect(sim.stats.unauthorized).toBe(4);
  });
});

describe('status codes (c.4)', () => {
  it('404 for unknown ids and endpoints, with Sage’s error array', async () => {
    const client = apiAs(sim, (await connect(sim)).access_token);
    expect(await client.get('/contacts/0123456789abcdef0123456789abcdef')).toMatchObject({
      status: 404,
      json: [{ $severity: 'error', $dataCode: 'RecordNotFound', $message: "Couldn't find record.", $source: '' }],
    });
    expect((await client.get('/no_such_things')).status).toBe(404);
    expect((await client.get('/contacts/x/y/z')).status).toBe(404);
    expect((await client.post('/sales_invoices/0123/unknown_action')).status).toBe(404);
    expect((await fetch(`${sim.url}/elsewhere`)).status).toBe(404);
  });

  it('405 with Allow for a method the resource does not take', async () => {
    const client = apiAs(sim, (await connect(sim)).access_token);
    const post = await client.post('/tax_rates', { tax_rate: { name: 'X' } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    expect(post.json[0].$dataCode).toBe('MethodNotAllowed');
    expect((await client.delete('/contacts')).status).toBe(405);
    expect((await client.put('/businesses/lead', {})).status).toBe(405);
    expect((await client.delete('/tax_rates/GB_STANDARD')).headers.get('allow')).toBe('GET');
  });

  it('415 for a body that is not JSON, 400 for broken JSON, 422 without the root key (c.6), 413 over 1 MiB', async () => {
    const { access_token } = await connect(sim);
    const asText = await api(sim, 'POST', '/contacts', { token: access_token, body: 'name=x', headers: { 'content-type': 'text/plain' } });
    expect(asText.status).toBe(415);
    expect(asText.json[0].$dataCode).toBe('UnsupportedMediaType');
    expect((await api(sim, 'POST', '/contacts', { token: access_token, body: '{"contact":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const unwrapped = await api(sim, 'POST', '/contacts', { token: access_token, body: { name: 'No root', contact_type_ids: ['CUSTOMER'] } });
    expect(unwrapped.status).toBe(422);
    expect(unwrapped.json[0]).toMatchObject({ $dataCode: 'RecordInvalid', $source: 'contact' });
    const huge = await api(sim, 'POST', '/contacts', { token: access_token, body: { contact: { name: 'x', notes: 'n'.repeat(1024 * 1024) } } });
    expect(huge.status).toBe(413);
    expect(sim.business(solo.id).list('contacts')).toEqual([]);
    expect(sim.stats.creates).toEqual({});
  });
});

describe('rate limit (c.4)', () => {
  it('answers 429 with Retry-After once a business used its window, per business, and recovers when the window ends', async () => {
    sim.setRateLimit({ requests: 3, windowMs: 60_000 });
    const soloToken = (await connect(sim)).access_token;
    const multiToken = (await connect(sim, SAGE_SEED.users.multi.id)).access_token;
    for (let i = 0; i < 3; i += 1) expect((await api(sim, 'GET', '/contacts', { token: soloToken })).status).toBe(200);
    const throttled = await api(sim, 'GET', '/contacts', { token: soloToken });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('60');
    expect(throttled.json[0].$dataCode).toBe('TooManyRequests');
    // A throttled POST creates nothing.
    expect((await api(sim, 'POST', '/contacts', { token: soloToken, body: contact('Throttled') })).status).toBe(429);
    expect(sim.business(solo.id).list('contacts')).toEqual([]);
    expect((await api(sim, 'GET', '/contacts', { token: multiToken })).status).toBe(200);
    sim.advance(45_000);
    expect((await api(sim, 'GET', '/contacts', { token: soloToken })).headers.get('retry-after')).toBe('15');
    sim.advance(15_000);
    expect((await api(sim, 'GET', '/contacts', { token: soloToken })).status).toBe(200);
    expect(sim.stats.throttled).toBe(3);
  });

  it('is generous by default and can be turned off', async () => {
    const token = (await connect(sim)).access_token;
    const results = await Promise.all(Array.from({ length: 50 }, () => api(sim, 'GET', '/tax_rates', { token })));
    expect(results.every((result) => result.status === 200)).toBe(true);
    sim.setRateLimit(null);
    expect(() => sim.setRateLimit({ requests: 0, windowMs: 1000 })).toThrow(/rateLimit.requests/);
  });
});
