import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { CanonicalSource, Contact, Invoice } from '@byte8/core';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { xeroAccounting } from '@byte8/xero-accounting';
import { sageAccounting } from '@byte8/sage-accounting';
import { type TestDatabase, testDialects } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRandom } from '../crypto/system-random.js';
import { generatePairingCode } from '../pairing/generate-pairing-code.js';
import { AesGcmSecretBox } from '../secret-box/aes-gcm-secret-box.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { TABLE_NAMES } from '../storage/byte8-tables.js';
import { createStorage } from '../storage/create-storage.js';
import { ledgerUrlPolicy } from '../transport/ledger-url-policy.js';
import { createInboundHandler, type InboundHandlerOptions } from './create-inbound-handler.js';
import { capturingLogger, movableClock, signJwt, startInboundServer } from './inbound-test-kit.test-helpers.js';

const HEADER = '{"alg":"HS256","typ":"JWT"}';
const UNAUTHORIZED = { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Byte8_Client::byte8_webapi' } };
const hkdf = (master: string, info: string) => Buffer.from(hkdfSync('sha256', Buffer.from(master), Buffer.alloc(0), info, 32));

const contact: Contact = {
  magento_id: 5,
  email: 'jane@example.com',
  first_name: 'Jane',
  last_name: null,
  website_id: 1,
  group_id: 1,
  addresses: [{ kind: 'billing', street: ['1 High St'], city: 'London', postcode: 'N1 1AA', country_id: 'GB' }],
};
const invoice: Invoice = {
  magento_id: 42,
  increment_id: '000000042',
  order_id: 40,
  order_increment_id: '000000040',
  website_id: 1,
  store_id: 1,
  currency: 'GBP',
  state: 'paid',
  customer: contact,
  lines: [{ sku: 'MB01', name: 'Bag', qty: 1, unit_price: 34, line_subtotal: 34, line_tax: 6.8, line_total: 40.8, tax_rate: 0.2, product_type: 'simple' }],
  subtotal: 34,
  tax_amount: 6.8,
  shipping_amount: 5,
  shipping_tax_amount: 0,
  discount_amount: 0,
  grand_total: 45.8,
  created_at: '2026-04-30T10:11:12Z',
  payment_method: 'checkmo',
  po_number: null,
  base_to_order_rate: 1.17,
};

/** The host's data: a few entities, and id 13 returns an invalid invoice. */
const source: CanonicalSource = {
  invoice: async (id) => (id === 42 ? invoice : id === 13 ? ({ ...invoice, currency: 'POUNDS' } as Invoice) : null),
  customer: async (id) => (id === 5 ? contact : null),
  creditMemo: async (id) =>
    id === 7
      ? { magento_id: 7, increment_id: 'CM7', website_id: 1, currency: 'GBP', customer: { ...contact, magento_id: 0, website_id: 0, group_id: null }, lines: [],
          adjustment_positive: 0, adjustment_negative: 0, grand_total: 10, shipping_amount: 0, shipping_tax_amount: 0, created_at: '2026-04-30T10:11:12Z' }
      : null,
  payment: async (id) =>
    id === 42
      ? { magento_id: 42, invoice_id: 42, invoice_increment_id: '000000042', method: 'checkmo', currency: 'GBP', amount: 45.8, captured_at: '2026-04-30T10:11:12Z', gateway_metadata: [] }
      : null,
  product: async (id) =>
    id === 9 ? { magento_id: 9, sku: 'MB01', name: 'Bag', product_type: 'simple', price: 34, manage_stock: false, website_ids: [1], special_price: null } : null,
  paymentMethods: async () => [
    { code: 'checkmo', label: 'Check / Money order', is_active: true },
    { code: 'free', label: null, is_active: false },
  ],
  changedSince: async () => [],
};

describe.each(testDialects())('inbound handler over $name', (dialect) => {
  const clock = movableClock();
  const logger = capturingLogger();
  /** Every secret the tests handle; none may reach a log line. */
  const secrets: string[] = [];
  const providers = [sageAccounting(), xeroAccounting(), freeAgentAccounting()];
  const secretBox = new AesGcmSecretBox({ keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' });
  let database: TestDatabase;
  let storage: Byte8Storage;
  const servers: { close(): Promise<void> }[] = [];
  let url: string;

  async function serve(options: InboundHandlerOptions = {}, on: Byte8Storage = storage): Promise<string> {
    const handler = createInboundHandler(
      { providers, connections: on.connections, replayGuard: on.replayGuard, rateLimits: on.rateLimits, syncState: on.syncState, canonicalSource: source, secretBox, clock, logger },
      { pairingRateLimit: { perAddress: 10_000, global: 10_000 }, ledgerUrlPolicy: ledgerUrlPolicy({ allowedHosts: ['ledger.example'] }), ...options },
    );
    const server = await startInboundServer(handler);
    servers.push(server);
    return server.url;
  }

  beforeAll(async () => {
    database = await dialect.createDatabase();
    storage = database.dialect === 'pglite' ? await createStorage({ pglite: database.pglite, clock }) : await createStorage({ databaseUrl: database.url, clock });
    url = await serve();
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await storage?.close();
    await database?.drop();
    // Nothing secret was ever logged: tokens, master keys, subkeys, pairing codes.
    const log = logger.lines.join('\n');
    expect(secrets.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  async function call(method: string, path: string, options: { token?: string; authorization?: string; body?: string; base?: string; headers?: Record<string, string> } = {}) {
    if (options.token) secrets.push(options.token);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
    if (authorization) headers.authorization = authorization;
    const response = await fetch(`${options.base ?? url}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: options.body }) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  async function newCode(provider = 'sage_accounting') {
    const { code } = await generatePairingCode({ connections: storage.connections, random: systemRandom, clock }, provider);
    secrets.push(code);
    return code;
  }

  function pairBody(code: string, fields: Record<string, unknown> = {}) {
    const masterKey = `byte8_lk_${randomBytes(32).toString('hex')}`;
    secrets.push(masterKey);
    return { masterKey, body: { pairing_code: code, tenant_id: randomUUID(), byte8_api_key: masterKey, ledger_base_url: 'https://ledger.example/', ...fields } };
  }

  async function pair(provider = 'sage_accounting', path = '/V1/byte8/setup/pair') {
    const { masterKey, body } = pairBody(await newCode(provider));
    const response = await call('POST', path, { body: JSON.stringify(body) });
    expect(response).toMatchObject({ status: 200, text: '[]' });
    const inbound = hkdf(masterKey, 'byte8-magento-inbound-v1');
    const outbound = hkdf(masterKey, 'byte8-magento-outbound-v1');
    secrets.push(inbound.toString('hex'), inbound.toString('base64'), outbound.toString('hex'));
    return { provider, tenantId: body.tenant_id as string, masterKey, inbound, outbound };
  }

  type Connection = Awaited<ReturnType<typeof pair>>;
  const claims = (c: Connection, overrides: Record<string, unknown> = {}) => {
    const now = clock.seconds();
    return JSON.stringify({ iss: 'byte8-ledger', sub: c.tenantId, aud: 'magento', iat: now, nbf: now, exp: now + 300, jti: randomUUID(), ...overrides });
  };
  const token = (c: Connection, overrides: Record<string, unknown> = {}) => signJwt(HEADER, claims(c, overrides), c.inbound);

  const callbackBody = (id: number, fields: Record<string, unknown> = {}) =>
    JSON.stringify({ entity_type: 'invoice', magento_entity_id: id, provider: 'sage_accounting', sync_status: 'synced', provider_entity_id: 'abc', ...fields });

  async function rowCount(table: string): Promise<number> {
    const row = await storage.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  describe('pairing (wire-contract §4)', () => {
    it('stores tenant, sealed master key and base URL, and answers 200 []', async () => {
      const c = await pair();
      const record = await storage.connections.get('sage_accounting');
      expect(record).toMatchObject({ tenantId: c.tenantId, ledgerBaseUrl: 'https://ledger.example', pairingCodeHash: null });
      expect(record!.encryptedMasterKey).not.toContain(c.masterKey);
      expect(secretBox.open(record!.encryptedMasterKey!)).toBe(c.masterKey);
    });

    it('validates in the Magento order with its messages, consuming nothing', async () => {
      const code = await newCode();
      const required = { message: 'pairing_code, tenant_id, byte8_api_key and ledger_base_url are all required.', parameters: [] };
      for (const fields of [{ tenant_id: '  ' }, { byte8_api_key: undefined }, { ledger_base_url: '/' }, { pairing_code: 42 }]) {
        const response = await call('POST', '/V1/byte8/setup/pair', { body: JSON.stringify(pairBody(code, fields).body) });
        expect(response).toMatchObject({ status: 400, json: required });
      }
      // A wrong code with a bad URL still gets the URL message: the code is checked last.
      for (const bad of ['ledger.example', 'ftp://ledger.example', 'HTTPS://ledger.example']) {
        const response = await call('POST', '/V1/byte8/setup/pair', { body: JSON.stringify(pairBody('wrong', { ledger_base_url: bad }).body) });
        expect(response).toMatchObject({ status: 400, json: { message: 'ledger_base_url must be an absolute http(s) URL.', parameters: [] } });
      }
      for (const body of ['{"pairing_code":', '[]', '']) {
        expect((await call('POST', '/V1/byte8/setup/pair', { body })).status).toBe(400);
      }
      // Over the stored columns' sizes: a clear 400 before the code is even looked at, never a 500.
      const tooLong: Array<[Record<string, unknown>, string]> = [
        [{ tenant_id: 't'.repeat(65) }, 'tenant_id must be at most 64 characters.'],
        [{ tenant_id: 'tenant\u0000id' }, 'tenant_id must not contain control characters.'],
        [{ byte8_api_key: 'k'.repeat(1025) }, 'byte8_api_key must be at most 1024 characters.'],
        [{ ledger_base_url: `https://ledger.example/${'p'.repeat(2048)}` }, 'ledger_base_url must be at most 2048 characters.'],
      ];
      for (const [fields, message] of tooLong) {
        const response = await call('POST', '/V1/byte8/setup/pair', { body: JSON.stringify(pairBody(code, fields).body) });
        expect(response).toMatchObject({ status: 400, json: { message, parameters: [] } });
      }
      expect((await storage.connections.get('sage_accounting'))?.pairingCodeHash).not.toBeNull();
      const ok = await call('POST', '/V1/byte8/setup/pair', { body: JSON.stringify(pairBody(code).body) });
      expect(ok.status).toBe(200);
    });

    it('answers the same 401 for a wrong, expired, missing, reused or replaced code', async () => {
      const invalid = { status: 401, json: { message: 'Invalid or expired pairing code.', parameters: [] } };
      const before = await storage.connections.get('freeagent');
      const path = '/V1/byte8/freeagent_accounting/setup/pair';
      const send = async (code: string) => call('POST', path, { body: JSON.stringify(pairBody(code).body) });

      expect(await send('0'.repeat(32))).toMatchObject(invalid); // none pending
      const code = await newCode('freeagent');
      expect(await send(code.toUpperCase())).toMatchObject(invalid); // case-sensitive
      expect(await send(`${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`)).toMatchObject(invalid);
      clock.advance(1801_000);
      expect(await send(code)).toMatchObject(invalid); // expired

      const replaced = await newCode('freeagent');
      const current = await newCode('freeagent');
      expect(await send(replaced)).toMatchObject(invalid); // regenerate invalidates the old one
      clock.advance(1800_000); // exactly 1800 s old is still accepted
      expect((await call('POST', path, { body: JSON.stringify(pairBody(` ${current}\n`).body) })).status).toBe(200);
      expect(await send(current)).toMatchObject(invalid); // single use
      expect(before).toBeNull();
      expect(logger.lines.filter((l) => l.includes('pairing rejected')).map((l) => JSON.parse(l).cause)).toEqual(
        expect.arrayContaining(['no pairing code is pending', 'pairing code expired', 'pairing code mismatch']),
      );
    });

    it("serves one pairing route per installed provider; a provider's code opens only its own route", async () => {
      const code = await newCode('xero');
      for (const path of ['/V1/byte8/setup/pair', '/V1/byte8/freeagent_accounting/setup/pair']) {
        expect([path, (await call('POST', path, { body: JSON.stringify(pairBody(code).body) })).status]).toEqual([path, 401]);
      }
      // A namespace no installed provider has is no route at all.
      expect((await call('POST', '/V1/byte8/quickbooks_accounting/setup/pair', { body: JSON.stringify(pairBody(code).body) })).status).toBe(404);
      const { body } = pairBody(code);
      expect((await call('POST', '/V1/byte8/xero_accounting/setup/pair', { body: JSON.stringify(body) })).status).toBe(200);
      expect((await storage.connections.get('xero'))?.tenantId).toBe(body.tenant_id);
      expect((await storage.connections.get('freeagent'))?.tenantId ?? null).not.toBe(body.tenant_id);
    });

    it('accepts camelCase keys', async () => {
      const code = await newCode('freeagent');
      const { body } = pairBody(code);
      const camel = { pairingCode: body.pairing_code, tenantId: body.tenant_id, byte8ApiKey: body.byte8_api_key, ledgerBaseUrl: body.ledger_base_url };
      expect((await call('POST', '/V1/byte8/freeagent_accounting/setup/pair', { body: JSON.stringify(camel) })).status).toBe(200);
      expect((await storage.connections.get('freeagent'))?.tenantId).toBe(body.tenant_id);
    });

    it('pairs a code once when the ledger races itself', async () => {
      const code = await newCode();
      const bodies = Array.from({ length: 5 }, () => pairBody(code).body);
      const answers = await Promise.all(bodies.map((b) => call('POST', '/V1/byte8/setup/pair', { body: JSON.stringify(b) })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401, 401]);
      const winner = bodies[answers.findIndex((a) => a.status === 200)]!;
      expect((await storage.connections.get('sage_accounting'))?.tenantId).toBe(winner.tenant_id);
    });

    it('re-pairing rotates the key: old tokens stop working at once', async () => {
      const old = await pair();
      expect((await call('GET', '/V1/byte8/ping', { token: token(old) })).status).toBe(200);
      const fresh = await pair();
      expect((await call('GET', '/V1/byte8/ping', { token: token(old) })).status).toBe(401);
      expect((await call('GET', '/V1/byte8/ping', { token: token(fresh) })).status).toBe(200);
    });

    it('rate limits attempts per address, then answers 429 in the error shape', async () => {
      // The counters are the database's, shared by every handler on it: start from none.
      await storage.db.deleteFrom(TABLE_NAMES.rateLimit).execute();
      const limited = await serve({ pairingRateLimit: { perAddress: 3, global: 100 } });
      const attempt = () => call('POST', '/V1/byte8/setup/pair', { base: limited, body: JSON.stringify(pairBody('f'.repeat(32)).body) });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(refused.json).toEqual({ message: 'Too many pairing attempts. Try again in %1 seconds.', parameters: [expect.any(Number)] });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Even the right code is refused while limited: guessing cannot continue.
      const code = await newCode();
      expect((await call('POST', '/V1/byte8/setup/pair', { base: limited, body: JSON.stringify(pairBody(code).body) })).status).toBe(429);
      clock.advance(60_000);
      expect((await call('POST', '/V1/byte8/setup/pair', { base: limited, body: JSON.stringify(pairBody(code).body) })).status).toBe(200);
    });

    it('counts one budget across two instances over one database', async () => {
      await storage.db.deleteFrom(TABLE_NAMES.rateLimit).execute();
      // A second "instance": on pg its own pool, on PGlite the same database.
      const second = database.dialect === 'pglite' ? storage : await createStorage({ databaseUrl: database.url, clock, migrate: false });
      try {
        const a = await serve({ pairingRateLimit: { perAddress: 3, global: 100 } });
        const b = await serve({ pairingRateLimit: { perAddress: 3, global: 100 } }, second);
        const attempt = (base: string) => call('POST', '/V1/byte8/setup/pair', { base, body: JSON.stringify(pairBody('f'.repeat(32)).body) });
        const statuses = [];
        for (const base of [a, b, a, b]) statuses.push((await attempt(base)).status);
        expect(statuses).toEqual([401, 401, 401, 429]);
      } finally {
        if (second !== storage) await second.close();
      }
    });

    it('rate limits all addresses together', async () => {
      await storage.db.deleteFrom(TABLE_NAMES.rateLimit).execute();
      const limited = await serve({ pairingRateLimit: { perAddress: 100, global: 2 } });
      const attempt = () => call('POST', '/V1/byte8/setup/pair', { base: limited, body: '{}' });
      expect([(await attempt()).status, (await attempt()).status, (await attempt()).status]).toEqual([400, 400, 429]);
    });
  });

  describe('JWT attack matrix (wire-contract §3.3.2): 401, generic body, nothing written', () => {
    let sage: Connection;
    let other: Connection;
    let nextId = 1000;
    beforeAll(async () => {
      sage = await pair();
      other = await pair('freeagent', '/V1/byte8/freeagent_accounting/setup/pair');
    });

    const now = () => clock.seconds();
    const cases: [string, () => { token?: string; authorization?: string }][] = [
      ['no Authorization header', () => ({})],
      ['Basic scheme', () => ({ authorization: `Basic ${token(sage)}` })],
      ['Bearer without a token', () => ({ authorization: 'Bearer ' })],
      ['alg none, unsigned', () => ({ token: `${signJwt('{"alg":"none","typ":"JWT"}', claims(sage), sage.inbound).split('.').slice(0, 2).join('.')}.` })],
      ['alg HS512', () => ({ token: signJwt('{"alg":"HS512","typ":"JWT"}', claims(sage), sage.inbound, 'sha512') })],
      ['alg RS256', () => ({ token: signJwt('{"alg":"RS256","typ":"JWT"}', claims(sage), sage.inbound) })],
      ['missing typ', () => ({ token: signJwt('{"alg":"HS256"}', claims(sage), sage.inbound) })],
      ['typ jwt in lower case', () => ({ token: signJwt('{"alg":"HS256","typ":"jwt"}', claims(sage), sage.inbound) })],
      ['header not JSON', () => ({ token: `${Buffer.from('nope').toString('base64url')}.${token(sage).split('.').slice(1).join('.')}` })],
      ['wrong iss', () => ({ token: token(sage, { iss: 'magento' }) })],
      ['wrong aud', () => ({ token: token(sage, { aud: 'byte8-ledger' }) })],
      ['aud as an array', () => ({ token: token(sage, { aud: ['magento'] }) })],
      ['unknown sub', () => ({ token: token(sage, { sub: randomUUID() }) })],
      ["sub of another provider's tenant", () => ({ token: token(sage, { sub: other.tenantId }) })],
      ['float iat', () => ({ token: signJwt(HEADER, claims(sage).replace(/"iat":(\d+)/, '"iat":$1.0'), sage.inbound) })],
      ['string exp', () => ({ token: token(sage, { exp: String(now() + 300) }) })],
      ['missing nbf', () => ({ token: token(sage, { nbf: undefined }) })],
      ['expired', () => ({ token: token(sage, { iat: now() - 300, nbf: now() - 300, exp: now() }) })],
      ['nbf beyond the 30 s skew', () => ({ token: token(sage, { nbf: now() + 31 }) })],
      ['iat beyond the 30 s skew', () => ({ token: token(sage, { iat: now() + 31, exp: now() + 331 }) })],
      ['TTL of 301 s', () => ({ token: token(sage, { exp: now() + 301 }) })],
      ['empty jti', () => ({ token: token(sage, { jti: '' }) })],
      ['missing jti', () => ({ token: token(sage, { jti: undefined }) })],
      ['bad signature', () => ({ token: token(sage).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })],
      ['truncated token', () => ({ token: token(sage).split('.').slice(0, 2).join('.') })],
      ['extra segment', () => ({ token: `${token(sage)}.x` })],
      ['signed with the outbound key (wrong direction)', () => ({ token: signJwt(HEADER, claims(sage), sage.outbound) })],
      ['signed with the master key itself', () => ({ token: signJwt(HEADER, claims(sage), Buffer.from(sage.masterKey)) })],
    ];

    it.each(cases)('%s', async (_name, make) => {
      const id = nextId++;
      const [jtiBefore, rowsBefore] = [await rowCount(TABLE_NAMES.jti), await rowCount(TABLE_NAMES.syncState)];
      const response = await call('POST', '/V1/byte8/sync-state', { ...make(), body: callbackBody(id) });
      expect(response).toMatchObject({ status: 401, json: UNAUTHORIZED });
      expect(await storage.syncState.find('invoice', id, 'sage_accounting')).toBeNull();
      expect([await rowCount(TABLE_NAMES.jti), await rowCount(TABLE_NAMES.syncState)]).toEqual([jtiBefore, rowsBefore]);
    });

    it('replayed jti: the second use is refused and writes nothing', async () => {
      const replayed = token(sage);
      expect((await call('POST', '/V1/byte8/sync-state', { token: replayed, body: callbackBody(2000) })).status).toBe(200);
      const again = await call('POST', '/V1/byte8/sync-state', { token: replayed, body: callbackBody(2001) });
      expect(again).toMatchObject({ status: 401, json: UNAUTHORIZED });
      expect(await storage.syncState.find('invoice', 2001, 'sage_accounting')).toBeNull();
    });

    it('a rejected token does not burn its jti', async () => {
      const jti = randomUUID();
      expect((await call('GET', '/V1/byte8/ping', { token: token(sage, { jti, aud: 'x' }) })).status).toBe(401);
      expect((await call('GET', '/V1/byte8/ping', { token: token(sage, { jti }) })).status).toBe(200);
    });

    it('accepts lowercase `bearer`, nbf within the skew, and a TTL of exactly 300 s (as Magento reads them)', async () => {
      expect((await call('GET', '/V1/byte8/ping', { authorization: `bearer ${token(sage)}` })).status).toBe(200);
      expect((await call('GET', '/V1/byte8/ping', { token: token(sage, { nbf: now() + 30 }) })).status).toBe(200);
      expect((await call('GET', '/V1/byte8/ping', { token: token(sage, { iat: now() + 30, exp: now() + 330 }) })).status).toBe(200);
    });

    it('serves each provider with its own key, several connected at once', async () => {
      const mine = await call('GET', '/V1/byte8/ping', { token: token(other) });
      expect(mine).toMatchObject({ status: 200, json: { ok: true, tenant_id: other.tenantId } });
      expect((mine.json as { server_time: string }).server_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
      expect((await call('GET', '/V1/byte8/ping', { token: token(sage) })).json).toMatchObject({ tenant_id: sage.tenantId });
    });

    it('logs each rejection with its reason and never the token', () => {
      const reasons = logger.lines.filter((l) => l.includes('inbound JWT rejected')).map((l) => JSON.parse(l).reason as string);
      expect(new Set(reasons)).toEqual(
        new Set([
          'no bearer token', 'malformed: expected 3 segments', 'header is empty or not a JSON object', 'unsupported alg', 'unsupported typ',
          'signature mismatch', 'iss mismatch', 'aud mismatch', 'sub does not match the tenant', 'iat, nbf or exp missing or not an integer',
          'jti missing', 'expired', 'not yet valid (nbf)', 'iat too far in the future', 'TTL above the 300 s ceiling', 'jti replay',
        ]),
      );
    });
  });

  describe('HTTPS in production', () => {
    it('refuses plain HTTP for JWT routes (401) and pairing (403); a trusted proxy header lets it through', async () => {
      const production = await serve({ production: true });
      const c = await pair();
      expect(await call('GET', '/V1/byte8/ping', { base: production, token: token(c) })).toMatchObject({ status: 401, json: UNAUTHORIZED });
      expect((await call('GET', '/V1/byte8/ping', { base: production, token: token(c), headers: { 'x-forwarded-proto': 'https' } })).status).toBe(200);
      const { body } = pairBody(await newCode());
      expect((await call('POST', '/V1/byte8/setup/pair', { base: production, body: JSON.stringify(body) })).status).toBe(403);
      expect((await storage.connections.get('sage_accounting'))?.tenantId).toBe(c.tenantId);
    });
  });

  describe('canonical endpoints (wire-contract §7, §8)', () => {
    let c: Connection;
    beforeAll(async () => {
      c = await pair();
    });
    const get = (path: string) => call('GET', path, { token: token(c) });

    it('purges expired jtis now and then, where no worker runs a GC, keeping live ones', async () => {
      const own = await serve({ jtiPurgeIntervalMs: 60_000 });
      const pulls = (n: number) => Promise.all(Array.from({ length: n }, () => call('GET', '/V1/byte8/ping', { token: token(c), base: own })));
      await storage.db.deleteFrom(TABLE_NAMES.jti).execute();
      expect((await pulls(5)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(await rowCount(TABLE_NAMES.jti)).toBe(5);
      // Past their expiry (token exp + skew) and past the purge interval: the next pull purges them.
      clock.advance(400_000);
      expect((await pulls(1))[0]!.status).toBe(200);
      await expect.poll(() => rowCount(TABLE_NAMES.jti), { timeout: 2_000 }).toBe(1);
      // Within the interval, nothing more is purged (one DELETE per interval, not per request).
      clock.advance(400_000);
      await pulls(1);
      clock.advance(1_000);
      await pulls(1);
      await expect.poll(() => rowCount(TABLE_NAMES.jti), { timeout: 2_000 }).toBe(2);
    });

    it('serves the invoice as §8 JSON: snake_case, contract key order, nulls omitted', async () => {
      const response = await get('/V1/byte8/invoice/42');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const { po_number: _omitted, ...expected } = invoice;
      expect(response.json).toEqual({ ...expected, customer: { ...contact, last_name: undefined } });
      expect(response.text).not.toContain('null');
      expect(Object.keys(response.json as object)).toEqual(Object.keys(expected));
    });

    it.each([
      ['customer', 5],
      ['creditmemo', 7],
      ['payment', 42],
      ['product', 9],
    ])('serves %s/%i', async (entity, id) => {
      const response = await get(`/V1/byte8/${entity}/${id}`);
      expect(response.status).toBe(200);
      expect((response.json as { magento_id: number }).magento_id).toBe(id === 7 ? 7 : id);
      expect(response.text).not.toContain('null');
    });

    it('keeps a null payment-method label', async () => {
      expect((await get('/V1/byte8/payment-methods')).json).toEqual([
        { code: 'checkmo', label: 'Check / Money order', is_active: true },
        { code: 'free', label: null, is_active: false },
      ]);
    });

    it('answers 404 for a missing entity and id 0, 400 for a non-numeric id', async () => {
      expect(await get('/V1/byte8/invoice/404')).toMatchObject({
        status: 404,
        json: { message: 'No such entity with %fieldName = %fieldValue', parameters: { fieldName: 'id', fieldValue: 404 } },
      });
      expect((await get('/V1/byte8/customer/0')).status).toBe(404);
      for (const id of ['abc', '-1', '1.5', '1e3', '9'.repeat(20)]) {
        expect(await get(`/V1/byte8/product/${id}`)).toMatchObject({ status: 400, json: { message: 'Invalid type for value: "%value". Expected Type: "int".' } });
      }
    });

    it('answers 500 with a generic message when the host produced an invalid entity, and logs why', async () => {
      const response = await get('/V1/byte8/invoice/13');
      expect(response.status).toBe(500);
      expect(response.text).not.toContain('POUNDS');
      const reportId = (response.json as { parameters: string[] }).parameters[0];
      const line = logger.lines.find((l) => l.includes(reportId!));
      expect(line).toContain('currency');
      expect(line).not.toContain('POUNDS');
    });

    it('answers 404 for unknown routes, 405 for a wrong method, 413 for a large body', async () => {
      expect(await get('/V1/byte8/order/1')).toMatchObject({ status: 404, json: { message: 'Request does not match any route.', parameters: [] } });
      const wrong = await call('POST', '/V1/byte8/ping', { token: token(c), body: '{}' });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('GET');
      expect((await call('GET', '/V1/byte8/setup/pair')).status).toBe(405);
      const big = await call('POST', '/V1/byte8/sync-state', { token: token(c), body: callbackBody(3000, { skip_reason: 'x'.repeat(1024 * 1024) }) });
      expect(big.status).toBe(413);
      expect(await storage.syncState.find('invoice', 3000, 'sage_accounting')).toBeNull();
    });
  });

  describe('sync-state callback (wire-contract §7.9)', () => {
    let c: Connection;
    beforeAll(async () => {
      c = await pair();
    });
    const post = (body: string) => call('POST', '/V1/byte8/sync-state', { token: token(c), body });

    it('records a terminal status and overwrites it on the next callback', async () => {
      expect(await post(callbackBody(500, { last_sync_at: '2026-04-29T10:11:12Z', provider_reference: 'SI-27' }))).toMatchObject({ status: 200, text: '[]' });
      expect(await storage.syncState.find('invoice', 500, 'sage_accounting')).toMatchObject({
        status: 'synced',
        providerEntityId: 'abc',
        providerReference: 'SI-27',
        lastSyncAt: new Date('2026-04-29T10:11:12Z'),
      });
      expect((await post(callbackBody(500, { sync_status: 'failed', provider_entity_id: null, error_code: 'validation', last_sync_at: '2026-04-30 08:00:00' }))).status).toBe(200);
      expect(await storage.syncState.find('invoice', 500, 'sage_accounting')).toMatchObject({
        status: 'failed',
        providerEntityId: null,
        providerReference: null,
        errorCode: 'validation',
        lastSyncAt: new Date('2026-04-30T08:00:00Z'),
      });
    });

    it('defaults last_sync_at to now, accepts camelCase and a digit-string id', async () => {
      const body = JSON.stringify({ entityType: 'creditmemo', magentoEntityId: '501', provider: 'sage_accounting', syncStatus: 'skipped', skipReason: 'zero_value_invoice' });
      expect((await post(body)).status).toBe(200);
      expect(await storage.syncState.find('creditmemo', 501, 'sage_accounting')).toMatchObject({ status: 'skipped', skipReason: 'zero_value_invoice', lastSyncAt: clock.now() });
    });

    it("refuses a callback about another provider's document: one provider's tenant cannot set another's chips", async () => {
      const rowsBefore = await rowCount(TABLE_NAMES.syncState);
      for (const provider of ['freeagent', 'xero_accounting']) {
        expect(await post(callbackBody(502, { provider }))).toMatchObject({
          status: 403,
          json: { message: 'provider %1 does not match the tenant that signed the request (a %2 tenant); nothing was written.', parameters: [provider, 'sage_accounting'] },
        });
      }
      expect(await rowCount(TABLE_NAMES.syncState)).toBe(rowsBefore);
      // The FreeAgent tenant's own token may report FreeAgent's document.
      const fa = await pair('freeagent', '/V1/byte8/freeagent_accounting/setup/pair');
      const own = await call('POST', '/V1/byte8/sync-state', { token: token(fa), body: callbackBody(502, { provider: 'freeagent' }) });
      expect(own.status).toBe(200);
      expect((await storage.syncState.find('invoice', 502, 'freeagent'))?.status).toBe('synced');
    });

    it('keeps an optional message with a failure: trimmed, cut at 500 characters, cleared by a callback without one', async () => {
      const body = callbackBody(503, { sync_status: 'failed', provider_entity_id: null, error_code: 'validation', message: '  Contact has no email.  ' });
      expect((await post(body)).status).toBe(200);
      expect(await storage.syncState.find('invoice', 503, 'sage_accounting')).toMatchObject({ status: 'failed', message: 'Contact has no email.' });
      expect((await post(callbackBody(503, { sync_status: 'failed', provider_entity_id: null, error_code: 'provider', message: 'y'.repeat(2000) }))).status).toBe(200);
      const long = await storage.syncState.find('invoice', 503, 'sage_accounting');
      expect(long?.message).toHaveLength(500);
      expect(long?.message?.endsWith('…')).toBe(true);
      expect((await post(callbackBody(503))).status).toBe(200);
      expect(await storage.syncState.find('invoice', 503, 'sage_accounting')).toMatchObject({ status: 'synced', message: null });
    });

    it.each([
      [{ entity_type: 'order' }, 'entity_type must be one of: invoice, creditmemo, customer, product.'],
      [{ magento_entity_id: 0 }, 'magento_entity_id must be a positive integer.'],
      [{ magento_entity_id: 1.5 }, 'magento_entity_id must be a positive integer.'],
      [{ provider: ' ' }, 'provider is required (at most 32 characters).'],
      [{ sync_status: 'pending' }, 'sync_status must be one of: synced, skipped, failed.'],
      [{ sync_status: undefined }, 'sync_status must be one of: synced, skipped, failed.'],
      [{ error_code: 'x'.repeat(65) }, 'error_code must be a string of at most 64 characters, or null.'],
      [{ last_sync_at: 'yesterday' }, 'last_sync_at must be ISO-8601 or YYYY-MM-DD HH:MM:SS (UTC).'],
      [{ message: { text: 'nested' } }, 'message must be a string or null.'],
      [{ message: 42 }, 'message must be a string or null.'],
    ])('refuses %j with a clear 400 and writes nothing', async (fields, message) => {
      const rowsBefore = await rowCount(TABLE_NAMES.syncState);
      const id = (fields as { magento_entity_id?: number }).magento_entity_id ?? 600;
      expect(await post(callbackBody(600, fields))).toMatchObject({ status: 400, json: { message, parameters: [] } });
      expect(await rowCount(TABLE_NAMES.syncState)).toBe(rowsBefore);
      expect(await storage.syncState.find('invoice', Number.isInteger(id) && id > 0 ? id : 600, 'sage_accounting')).toBeNull();
    });

    it('refuses a body that is not JSON with 400', async () => {
      expect(await post('{"entity_type":')).toMatchObject({ status: 400, json: { message: 'The request body is not valid JSON.' } });
    });
  });
});
