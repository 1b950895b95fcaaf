// Test-only helpers: JWTs written by hand (no @byte8/client) and a tiny fake host.
import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LedgerSimulator } from './ledger-simulator.js';

const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export function testSubkey(masterKey: string, direction: 'outbound' | 'inbound'): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(masterKey), Buffer.alloc(0), `byte8-magento-${direction}-v1`, 32));
}

export interface TokenParts {
  readonly header?: unknown;
  /** Raw payload text instead of JSON claims. */
  readonly rawPayload?: string;
  /** Sign with this key instead of the tenant's outbound subkey. */
  readonly key?: Buffer;
}

export function signTestToken(masterKey: string, claims: Record<string, unknown>, parts: TokenParts = {}): string {
  const input = `${b64(parts.header ?? { alg: 'HS256', typ: 'JWT' })}.${b64(parts.rawPayload ?? claims)}`;
  return `${input}.${createHmac('sha256', parts.key ?? testSubkey(masterKey, 'outbound')).update(input).digest('base64url')}`;
}

export function hostClaims(tenantId: string, overrides: Record<string, unknown> = {}, now = Math.floor(Date.now() / 1000)) {
  return { iss: 'magento', sub: tenantId, aud: 'byte8-ledger', iat: now, nbf: now, exp: now + 60, jti: randomUUID(), ...overrides };
}

export interface TestTenant {
  readonly tenantId: string;
  readonly masterKey: string;
}

export function hostToken(tenant: TestTenant, overrides: Record<string, unknown> = {}, parts: TokenParts = {}): string {
  return signTestToken(tenant.masterKey, hostClaims(tenant.tenantId, overrides), parts);
}

export function envelopeBody(id = 42, payload: Record<string, unknown> = { increment_id: '000000042', paid: false }): string {
  return JSON.stringify({ magento_entity_id: id, website_id: 1, store_id: 1, occurred_at: '2026-04-30T10:11:12Z', payload });
}

export interface DeliverOptions {
  readonly event?: string;
  readonly id?: number;
  readonly key?: string | null;
  readonly token?: string | null;
  readonly body?: string;
  readonly provider?: string;
  readonly urlTenant?: string;
}

/** Posts one webhook like a host would; `null` leaves a header out. */
export async function deliver(sim: LedgerSimulator, tenant: TestTenant, options: DeliverOptions = {}) {
  const event = options.event ?? 'invoice.created';
  const id = options.id ?? 42;
  const query = options.provider ? `?provider=${encodeURIComponent(options.provider)}` : '';
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = options.token === undefined ? hostToken(tenant) : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const key = options.key === undefined ? `${event}:${id}` : options.key;
  if (key !== null) headers['idempotency-key'] = key;
  const response = await fetch(`${sim.url}/webhooks/magento/${encodeURIComponent(options.urlTenant ?? tenant.tenantId)}/${event}${query}`, {
    method: 'POST',
    headers,
    body: options.body ?? envelopeBody(id),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Calls a tenant route of the simulator with a host token. */
export async function callLedger(sim: LedgerSimulator, path: string, init: { method?: string; token?: string | null; headers?: Record<string, string>; body?: string } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(`${sim.url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

export interface HostCall {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A tiny host: canonical GETs from a map, a pair route with one accepted code, and sync-state callbacks. */
export interface FakeHost {
  readonly url: string;
  readonly calls: HostCall[];
  /** `invoice/42` → body served with 200. */
  readonly entities: Map<string, unknown>;
  readonly acceptedCodes: Set<string>;
  callbackStatus: number;
  /** Forces the status of every canonical GET (e.g. 401), or null. */
  pullStatus: number | null;
  close(): Promise<void>;
}

export async function startFakeHost(): Promise<FakeHost> {
  const calls: HostCall[] = [];
  const entities = new Map<string, unknown>();
  const acceptedCodes = new Set<string>();
  const host: { callbackStatus: number; pullStatus: number | null } = { callbackStatus: 200, pullStatus: null };
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const path = req.url ?? '/';
    calls.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (req.method === 'POST' && /\/setup\/pair$/.test(path)) {
      const code = JSON.parse(body).pairing_code as string;
      if (!acceptedCodes.delete(code)) return send(401, { message: 'Invalid or expired pairing code.' });
      return send(200, []);
    }
    if (req.method === 'POST' && path === '/rest/V1/byte8/sync-state') return send(host.callbackStatus, []);
    if (req.method === 'GET' && host.pullStatus !== null) return send(host.pullStatus, { message: 'forced' });
    const match = /^\/rest\/V1\/byte8\/([a-z]+\/\d+)$/.exec(path);
    if (req.method === 'GET' && match && entities.has(match[1]!)) return send(200, entities.get(match[1]!));
    return send(404, { message: 'No such entity.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(host, {
    url: `http://127.0.0.1:${port}`,
    calls,
    entities,
    acceptedCodes,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** Decodes and checks an inbound token by hand; returns its claims. */
export function verifyInboundByHand(authorization: string | string[] | undefined, masterKey: string): Record<string, unknown> {
  const token = String(authorization).replace(/^Bearer /, '');
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const expected = createHmac('sha256', testSubkey(masterKey, 'inbound')).update(`${header}.${payload}`).digest('base64url');
  if (expected !== signature) throw new Error('inbound token signature does not verify');
  if (Buffer.from(header, 'base64url').toString() !== '{"alg":"HS256","typ":"JWT"}') throw new Error('unexpected header');
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
}
