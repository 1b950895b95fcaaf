import { completeSageConsent, s256Challenge, SAGE_SEED, type SageApiSimulator } from '@byte8/testkit/sage-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SageHttp } from '../http/sage-http.js';
import { SageOAuthClient } from '../oauth/sage-oauth-client.js';
import { resolveSageDirectOptions } from '../options/sage-direct-options.js';
import { simOptions, startSim } from '../sage-direct.test-helpers.js';
import { listBusinesses } from './list-businesses.js';
import { type SageApiAuth, SageApiClient } from './sage-api-client.js';
import { SageApiError } from './sage-api-error.js';

const VERIFIER = 'api-test-verifier-0123456789-abcdefghijklmnopqrstu';
const { north, south, solo } = SAGE_SEED.businesses;
const contact = (name: string) => ({ contact: { name, contact_type_ids: ['CUSTOMER'] } });

describe('SageApiClient against the Sage simulator (c.1, c.4)', () => {
  let sim: SageApiSimulator;
  let http: SageHttp;
  let oauth: SageOAuthClient;

  beforeAll(async () => {
    sim = await startSim();
    http = new SageHttp({ connectTimeoutMs: 2_000, timeoutMs: 1_000, dispatcher: null });
    const { options, clientSecret } = resolveSageDirectOptions(simOptions(sim));
    oauth = new SageOAuthClient(options, clientSecret, http);
  });
  afterEach(() => sim.faults.reset());
  afterAll(async () => {
    await http.close();
    await sim.stop();
  });

  const tokenOf = async (userId: string) => {
    const { location } = await completeSageConsent({ authorizeUrl: oauth.authorizeUrl({ state: 's', codeChallenge: s256Challenge(VERIFIER) }), userId });
    return oauth.exchangeCode(new URL(location!).searchParams.get('code')!, VERIFIER);
  };
  const client = (auth: SageApiAuth) => new SageApiClient({ apiBaseUrl: sim.urls.api, http, auth, maxResponseBytes: 64 * 1024 });
  const fixed = (accessToken: string, businessId: string | null = null): SageApiAuth => ({ access: async () => ({ accessToken, businessId }) });
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SageApiError);
    return error as SageApiError;
  };

  it('posts for the business named by X-Business, and lists the user’s businesses lead first', async () => {
    const { accessToken } = await tokenOf(SAGE_SEED.users.multi.id);
    const created = await client(fixed(accessToken, south.id)).post<{ contact?: unknown; id: string; name: string }>('/contacts', contact('Ada Lovelace'));
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('Ada Lovelace');
    expect(created.headers['x-business']).toBe(south.id);
    expect(sim.business(south.id).list('contacts').map((c) => c.name)).toEqual(['Ada Lovelace']);
    expect(sim.business(north.id).list('contacts')).toEqual([]);
    expect(await listBusinesses(client(fixed(accessToken)))).toEqual([
      { id: north.id, name: 'North Shop Ltd' },
      { id: south.id, name: 'South Shop Ltd' },
    ]);
    const read = await client(fixed(accessToken, south.id)).get<{ $items: unknown[] }>('/contacts', { search: 'Ada' });
    expect(read.body.$items).toHaveLength(1);
  });

  it('parses the v3.1 error array and classifies 422, 404, 401, 429 and 5xx', async () => {
    const { accessToken } = await tokenOf(SAGE_SEED.users.solo.id);
    const api = client(fixed(accessToken));
    const invalid = await failure(api.post('/contacts', { contact: { name: 'No types' } }));
    expect(invalid).toMatchObject({ kind: 'invalid', status: 422, retryable: false, outcomeUnknown: false, dataCode: 'RecordInvalid' });
    expect(invalid.errors[0]).toMatchObject({ severity: 'error', dataCode: 'RecordInvalid', source: 'contact_type_ids' });
    expect(invalid.message).toMatch(/^Sage answered HTTP 422 to POST \/contacts: RecordInvalid contact_type_ids: /);
    expect(await failure(api.get('/contacts/0123456789abcdef0123456789abcdef'))).toMatchObject({ kind: 'not_found', status: 404, retryable: false });
    const otherBusiness = await failure(client(fixed(accessToken, north.id)).get('/contacts'));
    expect(otherBusiness).toMatchObject({ kind: 'unauthorized', status: 401, dataCode: 'AuthorizationFailure', retryable: false });
    sim.faults.throttleNext(1, { retryAfter: 7, path: '/v3.1/contacts' });
    expect(await failure(api.get('/contacts'))).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7_000, retryable: true });
    sim.faults.throttleNext(1, { status: 503, retryAfter: 2, path: '/v3.1/contacts' });
    expect(await failure(api.post('/contacts', contact('Maybe')))).toMatchObject({ kind: 'unavailable', status: 503, retryAfterMs: 2_000, retryable: true, outcomeUnknown: true });
    sim.faults.failNext(1, 500, undefined, { path: '/v3.1/contacts' });
    expect(await failure(api.get('/contacts'))).toMatchObject({ kind: 'unavailable', status: 500, outcomeUnknown: false, dataCode: 'InternalServerError' });
    sim.faults.failNext(1, 400, 'not json at all', { path: '/v3.1/contacts' });
    expect(await failure(api.get('/contacts'))).toMatchObject({ kind: 'rejected', status: 400, errors: [] });
    expect(sim.business(solo.id).list('contacts')).toEqual([]);
  });

  it('reports no answer as timeout or network, and says when a write may have happened', async () => {
    const { accessToken } = await tokenOf(SAGE_SEED.users.solo.id);
    const api = client(fixed(accessToken));
    sim.faults.hangNext(1, { path: '/v3.1/contacts' });
    expect(await failure(api.post('/contacts', contact('Hung')))).toMatchObject({ kind: 'timeout', status: null, retryable: true, outcomeUnknown: true });
    sim.faults.dropNext(1, { path: '/v3.1/contacts' });
    expect(await failure(api.get('/contacts'))).toMatchObject({ kind: 'network', retryable: true, outcomeUnknown: false });
    const refused = await failure(new SageApiClient({ apiBaseUrl: 'http://127.0.0.1:9/v3.1', http, auth: fixed(accessToken), maxResponseBytes: 1024 }).post('/contacts', contact('x')));
    expect(refused).toMatchObject({ kind: 'network', outcomeUnknown: false });
    const small = new SageApiClient({ apiBaseUrl: sim.urls.api, http, auth: fixed(accessToken), maxResponseBytes: 1024 });
    expect(await failure(small.get('/tax_rates', { attributes: 'all' }))).toMatchObject({ kind: 'bad_response', retryable: false });
  });

  it('renews a refused token once and retries; a second refusal is reported and thrown', async () => {
    const first = await tokenOf(SAGE_SEED.users.solo.id);
    const second = await tokenOf(SAGE_SEED.users.solo.id);
    const renewals: string[] = [];
    const refusals: string[] = [];
    const renewing = (next: string): SageApiAuth => ({
      access: async () => ({ accessToken: 'expired-or-unknown', businessId: null }),
      renew: async (rejected) => {
        renewals.push(rejected);
        return { accessToken: next, businessId: null };
      },
      refused: async (reason) => refusals.push(reason),
    });
    const ok = await client(renewing(second.accessToken)).get('/user');
    expect(ok.status).toBe(200);
    expect(renewals).toEqual(['expired-or-unknown']);
    expect(refusals).toEqual([]);
    sim.revokeApp(SAGE_SEED.users.solo.id);
    const refused = await failure(client(renewing(first.accessToken)).get('/user'));
    expect(refused).toMatchObject({ kind: 'unauthorized', dataCode: 'AuthenticationFailure' });
    expect(renewals).toHaveLength(2);
    expect(refusals).toEqual(['Sage refused the connection: The access token is invalid. Reconnect to Sage.']);
  });

  it('keeps every call under the API base', async () => {
    const api = client(fixed('token'));
    for (const path of ['../token', '/contacts/../../token', 'https://evil.example/v3.1', '//evil.example/x', '/contacts?x=1', '', '/a b']) {
      await expect(api.get(path)).rejects.toThrow(/path must be a relative API path/);
    }
    expect(sim.requests.filter((r) => r.path.includes('evil'))).toEqual([]);
  });
});
