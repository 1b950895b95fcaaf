import { expect } from 'vitest';
import { completeSageConsent } from './consent-driver.js';
import { s256Challenge } from './oauth/pkce.js';
import { SageApiSimulator } from './sage-api-simulator.js';
import type { SageApiSimulatorOptions } from './sage-api-options.js';
import { SAGE_SEED } from './seed/seeded-accounts.js';

export const TEST_CLIENT = { clientId: 'test-client', clientSecret: 'test-client-secret', redirectUris: ['http://127.0.0.1:9/callback'], name: 'Test Connector' };
export const REDIRECT_URI = TEST_CLIENT.redirectUris[0]!;
export const VERIFIER = 'v'.repeat(20) + '-._~0123456789abcdefghijklmnopqrstuvwxyz';

export async function startSim(options: SageApiSimulatorOptions = {}): Promise<SageApiSimulator> {
  return SageApiSimulator.start({ clients: [TEST_CLIENT], ...options });
}

export interface AuthorizeParams {
  readonly state?: string;
  readonly challenge?: { readonly value: string; readonly method?: string } | null;
  readonly extra?: Readonly<Record<string, string>>;
}

/** The authorize URL a connector would build. */
export function authorizeUrl(sim: SageApiSimulator, params: AuthorizeParams = {}): string {
  const url = new URL(sim.urls.authorize);
  url.searchParams.set('client_id', TEST_CLIENT.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', REDIRECT_URI);
  url.searchParams.set('scope', 'full_access');
  url.searchParams.set('state', params.state ?? 'state-123');
  const challenge = params.challenge === undefined ? { value: s256Challenge(VERIFIER), method: 'S256' } : params.challenge;
  if (challenge !== null) {
    url.searchParams.set('code_challenge', challenge.value);
    if (challenge.method !== undefined) url.searchParams.set('code_challenge_method', challenge.method);
  }
  for (const [name, value] of Object.entries(params.extra ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

/** Signs in as `userId`, presses Allow and returns the code from the callback. */
export async function authorizeCode(sim: SageApiSimulator, userId: string = SAGE_SEED.users.solo.id, params: AuthorizeParams = {}): Promise<string> {
  const { location } = await completeSageConsent({ authorizeUrl: authorizeUrl(sim, params), userId });
  const code = new URL(location!).searchParams.get('code');
  expect(code, `callback ${location}`).toBeTruthy();
  return code!;
}

/** A parsed response body; tests read it field by field and assert on what they read. */
// biome-ignore lint/suspicious/noExplicitAny: JSON from the simulator is asserted on, not trusted by type
export type Json = any;

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Json;
}

async function toResult(res: Response): Promise<HttpResult> {
  const text = await res.text();
  let json: unknown = text;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON; keep the text
  }
  return { status: res.status, headers: res.headers, json };
}

/** A form POST to the token (or revoke) endpoint. */
export async function postForm(url: string, form: Readonly<Record<string, string>>, headers: Readonly<Record<string, string>> = {}): Promise<HttpResult> {
  return toResult(
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers }, body: new URLSearchParams(form).toString() }),
  );
}

export function exchangeCode(sim: SageApiSimulator, code: string, overrides: Readonly<Record<string, string>> = {}): Promise<HttpResult> {
  return postForm(sim.urls.token, {
    client_id: TEST_CLIENT.clientId,
    client_secret: TEST_CLIENT.clientSecret,
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: VERIFIER,
    ...overrides,
  });
}

export function refresh(sim: SageApiSimulator, refreshToken: string, overrides: Readonly<Record<string, string>> = {}): Promise<HttpResult> {
  return postForm(sim.urls.token, { client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken, ...overrides });
}

/** Runs the whole flow for `userId` and returns the token response. */
export async function connect(sim: SageApiSimulator, userId: string = SAGE_SEED.users.solo.id): Promise<{ access_token: string; refresh_token: string; requested_by_id: string }> {
  const result = await exchangeCode(sim, await authorizeCode(sim, userId));
  expect(result.status).toBe(200);
  return result.json;
}

export interface ApiCall {
  readonly token?: string | null;
  readonly business?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Calls `${sim.urls.api}${path}` with a bearer token and, for bodies, JSON. */
export async function api(sim: SageApiSimulator, method: string, path: string, call: ApiCall = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.business) headers['x-business'] = call.business;
  if (call.body !== undefined && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  const body = call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  return toResult(await fetch(`${sim.urls.api}${path}`, { method, headers, body }));
}

/** A client bound to one token and business, for resource tests. */
export function apiAs(sim: SageApiSimulator, token: string, business?: string) {
  return {
    get: (path: string) => api(sim, 'GET', path, { token, business }),
    post: (path: string, body?: unknown) => api(sim, 'POST', path, { token, business, body }),
    put: (path: string, body: unknown) => api(sim, 'PUT', path, { token, business, body }),
    delete: (path: string) => api(sim, 'DELETE', path, { token, business }),
  };
}

export type ApiClient = ReturnType<typeof apiAs>;

/** Asserts a 422 whose error array holds an entry on `source` (and `message`, if given). */
export function expectInvalid(result: HttpResult, source: string, message?: string | RegExp): void {
  expect(result.status, JSON.stringify(result.json)).toBe(422);
  expect(Array.isArray(result.json)).toBe(true);
  const entry = (result.json as { $source: string; $message: string; $dataCode: string; $severity: string }[]).find((item) => item.$source === source);
  expect(entry, `no error on ${source}: ${JSON.stringify(result.json)}`).toBeDefined();
  expect(entry).toMatchObject({ $severity: 'error', $dataCode: 'RecordInvalid' });
  if (message !== undefined) expect(entry!.$message).toMatch(message);
}
