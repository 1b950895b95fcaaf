import type { InboundRequest } from '@byte8/client';
import { LedgerSimulator } from '@byte8/testkit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger } from './harness/capturing-logger.js';
import { ENCRYPTION_KEY, type ReliabilityHost, SAGE, startReliabilityHost } from './harness/connector.js';
import { report } from './harness/report.js';
import { SEED, scaled } from './harness/scale.js';
import { type TableName, changedTables, tableFingerprints } from './harness/table-fingerprints.js';

const RUNS = scaled(200, 2_000);
const ROUTES = {
  pair: { path: '/V1/byte8/setup/pair', method: 'POST' },
  ping: { path: '/V1/byte8/ping', method: 'GET' },
  'payment-methods': { path: '/V1/byte8/payment-methods', method: 'GET' },
  invoice: { path: '/V1/byte8/invoice/', method: 'GET' },
  customer: { path: '/V1/byte8/customer/', method: 'GET' },
  creditmemo: { path: '/V1/byte8/creditmemo/', method: 'GET' },
  payment: { path: '/V1/byte8/payment/', method: 'GET' },
  product: { path: '/V1/byte8/product/', method: 'GET' },
  'sync-state': { path: '/V1/byte8/sync-state', method: 'POST' },
} as const;
type RouteName = keyof typeof ROUTES;

const HUGE = 'x'.repeat(1024 * 1024 + 10);
const DEEP_ARRAY = '['.repeat(100_000) + ']'.repeat(100_000);
const DEEP_OBJECT = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
const ODD_UNICODE = ['\u0000', '\uFEFF', '\uD800', '\uDFFF', '\u202E', 'e\u0301', '\u{1F4A9}', '\u2028', '%00', '\\u0000'];

/** Bodies: random JSON, broken JSON, wrong types, huge, deeply nested, odd unicode. */
const body = fc.oneof(
  fc.json(),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '{', '[', 'null', 'true', '"x"', '{"a":}', '{"a":1,}', "{'a':1}", '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'),
  fc.constantFrom(HUGE, DEEP_ARRAY, DEEP_OBJECT),
  fc.record(
    {
      sync_run_id: fc.oneof(fc.uuid(), fc.string(), fc.integer(), fc.constant(null)),
      entity_type: fc.oneof(fc.constantFrom('invoice', 'customer', 'creditmemo', 'product', 'payment', 'order'), fc.string(), fc.integer()),
      entity_id: fc.oneof(fc.integer(), fc.string(), fc.double(), fc.constant(null), fc.array(fc.integer())),
      status: fc.oneof(fc.constantFrom('synced', 'failed', 'skipped', 'pending', 'SYNCED'), fc.string(), fc.boolean()),
      provider: fc.oneof(fc.constantFrom(SAGE, 'other'), fc.string()),
      last_sync_at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.integer()),
      error_message: fc.oneof(fc.string(), fc.constantFrom(...ODD_UNICODE), fc.constant(HUGE.slice(0, 70_000))),
      pairing_code: fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }), fc.string()),
      tenant_id: fc.oneof(fc.uuid(), fc.string()),
      byte8_api_key: fc.string(),
      ledger_base_url: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)')),
    },
    { requiredKeys: [] },
  ).map((o) => JSON.stringify(o)),
  fc.constantFrom(...ODD_UNICODE).map((u) => JSON.stringify({ status: u, entity_type: u, entity_id: 1, sync_run_id: u })),
);

/** Path tricks on the route's path: dot segments, encoded slashes, double slashes, queries, case. */
function pathFor(route: RouteName) {
  const base = ROUTES[route].path;
  const id = base.endsWith('/')
    ? fc.oneof(
        { arbitrary: fc.nat().map(String), weight: 3 },
        fc.constantFrom('-1', '0', '1e3', '0x10', '1.5', '99999999999999999999999', ' 1', '1%20', '%31', '..', '.', '1/..', '%2e%2e', '1;drop table x'),
        fc.string({ minLength: 1, maxLength: 20 }),
      )
    : fc.constant('');
  const identity = (p: string) => p;
  const trick = fc.constantFrom(
    (p: string) => `${p}?a=1&b=%0d%0a`,
    (p: string) => `${p}/`,
    (p: string) => p.replace('/byte8/', '//byte8/'),
    (p: string) => p.replace('/byte8/', '/byte8/../byte8/'),
    (p: string) => p.replace('/byte8/', '/%2e%2e/byte8/'),
    (p: string) => p.replace(/\/([^/]*)$/, '%2F$1'),
    (p: string) => p.toUpperCase(),
    (p: string) => `${p}%00`,
    (p: string) => `${p}#frag`,
    (p: string) => `/V1/byte8/setup/../${p.slice(10)}`,
  );
  // Mostly the real path, so the route's own checks are reached as often as the router's.
  const transform = fc.oneof({ arbitrary: fc.constant(identity), weight: 3 }, { arbitrary: trick, weight: 2 });
  return fc.tuple(id, transform).map(([i, t]) => t(base + i));
}

type Auth = 'none' | 'valid' | 'replayed' | 'garbage' | 'crlf' | 'duplicate' | 'long' | 'basic' | 'lowercase-bearer';

describe('inbound fuzzing: every route, malformed everything', () => {
  let sim: LedgerSimulator;
  let host: ReliabilityHost;
  const logger = capturingLogger();
  let pairingCode: string;
  const secrets: string[] = [];
  let replayedToken: string;
  const figures: Record<string, { runs: number; statuses: Record<number, number>; writes: number }> = {};

  beforeAll(async () => {
    sim = await LedgerSimulator.start({ policy: 'none' });
    host = await startReliabilityHost({ sim, logger });
    // A live pairing code, so a leak of it would show; the connection stays as it is.
    pairingCode = (await host.byte8.admin.generatePairingCode(SAGE)).code;
    replayedToken = sim.mintInboundToken(host.tenantId);
    const first = await host.byte8.handleInbound(request('GET', '/V1/byte8/ping', { authorization: `Bearer ${replayedToken}` }, ''));
    expect(first.status).toBe(200);
    secrets.push(host.masterKey, pairingCode, ENCRYPTION_KEY, replayedToken);
    console.log(`reliability inbound-fuzz: seed ${SEED} (RELIABILITY_SEED=${SEED} replays it), ${RUNS} runs per route`);
  });
  afterAll(async () => {
    const statuses: Record<number, number> = {};
    for (const f of Object.values(figures)) for (const [s, n] of Object.entries(f.statuses)) statuses[Number(s)] = (statuses[Number(s)] ?? 0) + n;
    const runs = Object.values(figures).reduce((sum, f) => sum + f.runs, 0);
    const fiveXx = Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((sum, [, n]) => sum + n, 0);
    report('inbound-fuzz', { seed: SEED, runsPerRoute: RUNS, routes: Object.keys(ROUTES).length, runs, fiveXx, secretsLeaked: 0, statuses, byRoute: figures });
    await host?.close();
    await sim?.stop();
  });

  function request(method: string, path: string, headers: InboundRequest['headers'], rawBody: string, secure = true, remoteAddress = '203.0.113.9'): InboundRequest {
    return { method, path, headers, rawBody, secure, remoteAddress };
  }

  function authorization(kind: Auth): { value: string | string[] | undefined; token: string | null } {
    const token = sim.mintInboundToken(host.tenantId);
    switch (kind) {
      case 'none':
        return { value: undefined, token: null };
      case 'valid':
        return { value: `Bearer ${token}`, token };
      case 'replayed':
        return { value: `Bearer ${replayedToken}`, token: null };
      case 'garbage':
        return { value: `Bearer ${token.slice(0, -3)}abc`, token: null };
      case 'crlf':
        return { value: `Bearer ${token}\r\nX-Injected: 1`, token: null };
      case 'duplicate':
        return { value: [`Bearer ${token}`, 'Bearer eyJhbGciOiJub25lIn0.e30.'], token };
      case 'long':
        return { value: `Bearer ${'a'.repeat(70_000)}`, token: null };
      case 'basic':
        return { value: `Basic ${Buffer.from('magento:secret').toString('base64')}`, token: null };
      case 'lowercase-bearer':
        return { value: `bearer ${token}`, token };
    }
  }

  for (const route of Object.keys(ROUTES) as RouteName[]) {
    it(`${route}: never a 5xx, never a write on rejection, never a secret in a response or log`, async () => {
      const stats = { runs: 0, statuses: {} as Record<number, number>, writes: 0 };
      figures[route] = stats;
      const arbitrary = fc.record({
        method: fc.oneof({ arbitrary: fc.constant(ROUTES[route].method), weight: 4 }, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'get', 'post', 'OPTIONS', 'G\r\nET')),
        path: pathFor(route),
        auth: fc.constantFrom<Auth>('none', 'valid', 'valid', 'valid', 'replayed', 'garbage', 'crlf', 'duplicate', 'long', 'basic', 'lowercase-bearer'),
        extraHeaders: fc.dictionary(
          fc.constantFrom('content-type', 'x-forwarded-proto', 'x-forwarded-for', 'host', 'content-length', 'x-b\r\nad', 'cookie'),
          fc.oneof(fc.string(), fc.constant('a\r\nSet-Cookie: x=1'), fc.constant('y'.repeat(20_000))),
        ),
        body,
        secure: fc.boolean(),
        remoteAddress: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constant('')),
      });
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          const auth = authorization(input.auth);
          const before = await tableFingerprints(host.storage);
          const logsBefore = logger.lines.length;
          const headers = { ...input.extraHeaders, ...(auth.value !== undefined ? { authorization: auth.value } : {}) };
          const response = await host.byte8.handleInbound(request(input.method, input.path, headers, input.body, input.secure, input.remoteAddress));
          const after = await tableFingerprints(host.storage);
          stats.runs++;
          stats.statuses[response.status] = (stats.statuses[response.status] ?? 0) + 1;

          expect(response.status, response.body).toBeLessThan(500);
          // A valid token is spent (its jti stored) even when the request is then refused; a
          // 2xx sync-state records the status it carries; a pairing attempt is counted by the
          // rate limiter (that count is how guessing is stopped). Nothing else may change.
          const allowed = new Set<TableName>();
          if (route === 'pair') allowed.add('byte8_rate_limit');
          if (auth.token !== null) allowed.add('byte8_jti');
          if (route === 'sync-state' && response.status < 300) allowed.add('byte8_entity_sync_state');
          const changed = changedTables(before, after);
          if (changed.length > 0) stats.writes++;
          expect(changed.filter((t) => !allowed.has(t)), `${input.method} ${input.path} -> ${response.status}`).toEqual([]);
          const leaked = [...secrets, ...(auth.token ? [auth.token] : [])];
          const exposed = [JSON.stringify(response.headers), response.body, ...logger.lines.slice(logsBefore)].join('\n');
          for (const secret of leaked) expect(exposed.includes(secret), 'a secret reached a response or a log line').toBe(false);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
