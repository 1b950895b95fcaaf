import { createHash } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock, Random } from '@byte8/core';
import { jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deriveSubkey } from '../crypto/derive-subkeys.js';
import { createUndiciLedgerTransport } from './undici-ledger-transport.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: Buffer;
}

let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
let reply: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(202).end('{"sync_run_id":"run-1"}');

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  seen.length = 0;
  reply = (_req, res) => res.writeHead(202).end('{"sync_run_id":"run-1"}');
});

const TENANT = '00000000-0000-4000-8000-000000000001';
const MASTER = 'test-master-key-0123456789';
const fixedClock = (ms: number): Clock & { ms: number } => {
  const clock = { ms, now: () => new Date(clock.ms) };
  return clock;
};

function delivery(over: Partial<Parameters<ReturnType<typeof createUndiciLedgerTransport>['deliver']>[0]> = {}) {
  return {
    baseUrl,
    tenantId: TENANT,
    masterKey: MASTER,
    provider: 'sage_accounting',
    providerParam: null,
    eventName: 'invoice.created',
    idempotencyKey: 'invoice.created:42',
    body: '{"magento_entity_id":42,"website_id":1,"store_id":1,"occurred_at":"2026-04-30T10:11:12Z","payload":{"increment_id":"caf\\u00e9/1","paid":false}}',
    ...over,
  };
}

describe('createUndiciLedgerTransport().deliver', () => {
  it('POSTs the stored body verbatim with exactly the contract headers and a valid JWT', async () => {
    const jtis = ['11111111-2222-4333-8444-555555555555'];
    const random: Random = { bytes: (n) => new Uint8Array(n), uuid: () => jtis.shift()! };
    const transport = createUndiciLedgerTransport({ clock: fixedClock(Date.now()), random });
    const request = delivery();
    const answer = await transport.deliver(request);
    await transport.close();

    expect(answer).toEqual({ kind: 'response', statusCode: 202, body: '{"sync_run_id":"run-1"}', retryAfterMs: null });
    const [hit] = seen;
    expect(hit!.method).toBe('POST');
    expect(hit!.url).toBe(`/webhooks/magento/${TENANT}/invoice.created`);
    expect(hit!.body.toString('utf8')).toBe(request.body);
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(hit!.headers['idempotency-key']).toBe('invoice.created:42');
    const names = hit!.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(names.sort()).toEqual(['authorization', 'connection', 'content-length', 'content-type', 'host', 'idempotency-key']);
    const token = hit!.headers.authorization!.replace(/^Bearer /, '');
    const { payload } = await jwtVerify(token, deriveSubkey(MASTER, 'outbound'), {
      issuer: 'magento',
      audience: 'byte8-ledger',
      subject: TENANT,
    });
    expect(payload.jti).toBe('11111111-2222-4333-8444-555555555555');
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it('rawurlencodes tenant and event, keeps a base path prefix and adds ?provider=', async () => {
    const transport = createUndiciLedgerTransport();
    await transport.deliver(delivery({ baseUrl: `${baseUrl}/ledger/`, tenantId: "a b!'()*", providerParam: 'free agent' }));
    await transport.close();
    expect(seen[0]!.url).toBe('/ledger/webhooks/magento/a%20b%21%27%28%29%2A/invoice.created?provider=free%20agent');
  });

  it('mints a fresh token per request', async () => {
    const transport = createUndiciLedgerTransport();
    await transport.deliver(delivery());
    await transport.deliver(delivery());
    await transport.close();
    expect(seen[0]!.headers.authorization).not.toBe(seen[1]!.headers.authorization);
  });

  it('returns the status, body and Retry-After in seconds or as an HTTP date', async () => {
    const clock = fixedClock(Date.parse('2026-01-01T00:00:00Z'));
    const transport = createUndiciLedgerTransport({ clock });
    reply = (_req, res) => res.writeHead(429, { 'Retry-After': '120' }).end('slow down');
    expect(await transport.deliver(delivery())).toEqual({ kind: 'response', statusCode: 429, body: 'slow down', retryAfterMs: 120_000 });
    reply = (_req, res) => res.writeHead(503, { 'Retry-After': 'Thu, 01 Jan 2026 00:05:00 GMT' }).end();
    expect(await transport.deliver(delivery())).toMatchObject({ statusCode: 503, retryAfterMs: 300_000 });
    reply = (_req, res) => res.writeHead(503, { 'Retry-After': 'soon' }).end();
    expect(await transport.deliver(delivery())).toMatchObject({ statusCode: 503, retryAfterMs: null });
    await transport.close();
  });

  it('reports a dropped connection as a network error', async () => {
    const transport = createUndiciLedgerTransport();
    reply = (req) => req.socket.destroy();
    const answer = await transport.deliver(delivery());
    await transport.close();
    expect(answer.kind).toBe('network-error');
  });

  it('reports a refused connection as a network error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const transport = createUndiciLedgerTransport();
    const answer = await transport.deliver(delivery({ baseUrl: `http://127.0.0.1:${port}` }));
    await transport.close();
    expect(answer).toMatchObject({ kind: 'network-error', message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('reports an unusable base URL as a network error instead of throwing', async () => {
    const transport = createUndiciLedgerTransport();
    expect(await transport.deliver(delivery({ baseUrl: 'ftp://ledger' }))).toMatchObject({
      kind: 'network-error',
      message: expect.stringMatching(/must be http\(s\)/),
    });
    await transport.close();
  });

  it('reads at most 64 KiB of an answer and stops downloading the rest', async () => {
    const transport = createUndiciLedgerTransport({ totalTimeoutMs: 3_000 });
    let written = 0;
    // An endless body: without a cap the read never ends (until the timeout).
    reply = (_req, res) => {
      res.writeHead(422, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16_384, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => undefined);
      pump();
    };
    const started = performance.now();
    const answer = await transport.deliver(delivery());
    await transport.close();
    expect(answer).toMatchObject({ kind: 'response', statusCode: 422 });
    expect(answer.kind === 'response' && answer.body.length).toBe(65_536);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses to dial a host the URL policy does not allow, whatever the stored URL says', async () => {
    const { ledgerUrlPolicy } = await import('./ledger-url-policy.js');
    const transport = createUndiciLedgerTransport({ urlPolicy: ledgerUrlPolicy({ allowedHosts: ['ledger.byte8.io'] }) });
    const port = new URL(baseUrl).port;
    for (const sneaky of [baseUrl, `http://ledger.byte8.io@127.0.0.1:${port}/internal/admin`]) {
      expect(await transport.deliver(delivery({ baseUrl: sneaky }))).toEqual({
        kind: 'network-error',
        message: 'ledger base URL refused: host 127.0.0.1 is not an allowed ledger host (ledger.allowedHosts: ledger.byte8.io)',
      });
      expect(await transport.fetchHealth({ baseUrl: sneaky, tenantId: TENANT, masterKey: MASTER })).toBeNull();
    }
    expect(seen).toEqual([]);
    await transport.close();
  });

  it('gives up after the total timeout when the answer trickles in, headers first and then a byte at a time', async () => {
    const transport = createUndiciLedgerTransport({ totalTimeoutMs: 300 });
    const timers: NodeJS.Timeout[] = [];
    reply = (_req, res) => {
      res.writeHead(202, { 'content-type': 'application/json' });
      // Each byte well inside undici's idle body timeout: only the total deadline ends this.
      const drip = () => {
        if (res.destroyed) return;
        res.write('x');
        timers.push(setTimeout(drip, 50));
      };
      drip();
    };
    const started = performance.now();
    const answer = await transport.deliver(delivery());
    const took = performance.now() - started;
    timers.forEach(clearTimeout);
    await transport.close();
    expect(answer).toEqual({ kind: 'network-error', message: 'timed out after 300 ms' });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1_000);
  });

  it('ends a request queued behind a busy socket at its deadline, and the next one still gets through', async () => {
    const transport = createUndiciLedgerTransport({ totalTimeoutMs: 200, connectionsPerOrigin: 1 });
    const timers: NodeJS.Timeout[] = [];
    // Slow for every key but `fast`: the queued request times out whether the sweep finds it
    // still waiting for the socket or just after it got one.
    reply = (req, res) => {
      if (req.headers['idempotency-key'] === 'fast') res.writeHead(202).end('{}');
      else timers.push(setTimeout(() => res.writeHead(202).end('{}'), 600));
    };
    const started = performance.now();
    const [first, queued] = await Promise.all([transport.deliver(delivery()), transport.deliver(delivery())]);
    expect(first).toEqual({ kind: 'network-error', message: 'timed out after 200 ms' });
    expect(queued).toEqual({ kind: 'network-error', message: 'timed out after 200 ms' });
    expect(performance.now() - started).toBeLessThan(580);
    expect(await transport.deliver(delivery({ idempotencyKey: 'fast' }))).toMatchObject({ kind: 'response', statusCode: 202 });
    timers.forEach(clearTimeout);
    await transport.close();
  });

  it('gives up after the total timeout', async () => {
    const transport = createUndiciLedgerTransport({ totalTimeoutMs: 200 });
    reply = (_req, res) => setTimeout(() => res.writeHead(202).end(), 1_000);
    const answer = await transport.deliver(delivery());
    await transport.close();
    expect(answer).toEqual({ kind: 'network-error', message: 'timed out after 200 ms' });
  });
});

describe('createUndiciLedgerTransport() health, status, disconnect', () => {
  const auth = () => ({ baseUrl, tenantId: TENANT, masterKey: MASTER });

  it('caches a health answer for 30 s per tenant and sends Accept: application/json', async () => {
    const clock = fixedClock(Date.parse('2026-01-01T00:00:00Z'));
    const transport = createUndiciLedgerTransport({ clock });
    reply = (_req, res) => res.writeHead(200).end('{"binding":{"status":"active","region":"uk"}}');
    expect(await transport.fetchHealth(auth())).toEqual({ binding: { status: 'active', region: 'uk' } });
    clock.ms += 29_000;
    await transport.fetchHealth(auth());
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/v1/tile/health' });
    expect(seen[0]!.headers.accept).toBe('application/json');
    clock.ms += 2_000;
    await transport.fetchHealth(auth());
    expect(seen).toHaveLength(2);
    await transport.close();
  });

  it('returns null and caches nothing on failure; never throws', async () => {
    const transport = createUndiciLedgerTransport();
    reply = (_req, res) => res.writeHead(500).end('boom');
    expect(await transport.fetchHealth(auth())).toBeNull();
    reply = (_req, res) => res.writeHead(200).end('not json');
    expect(await transport.fetchHealth(auth())).toBeNull();
    reply = (_req, res) => res.writeHead(200).end('{}');
    expect(await transport.fetchHealth(auth())).toEqual({});
    expect(seen).toHaveLength(3);
    expect(await transport.fetchHealth({ ...auth(), baseUrl: 'http://127.0.0.1:1' })).toBeNull();
    expect(await transport.fetchHealth({ ...auth(), tenantId: '' })).toBeNull();
    await transport.close();
  });

  it('fetchStatus sends the entity as a query and throws on non-2xx', async () => {
    const transport = createUndiciLedgerTransport();
    reply = (_req, res) => res.writeHead(200).end('{"sync_status":"synced"}');
    expect(await transport.fetchStatus(auth(), 'invoice', 42)).toEqual({ sync_status: 'synced' });
    expect(seen[0]!.url).toBe('/v1/status?entity_type=invoice&entity_id=42');
    reply = (_req, res) => res.writeHead(404).end('nope');
    await expect(transport.fetchStatus(auth(), 'invoice', 43)).rejects.toMatchObject({ statusCode: 404, body: 'nope' });
    await transport.close();
  });

  it('disconnect posts {} with the contract key; 2xx is true, anything else false', async () => {
    const transport = createUndiciLedgerTransport();
    reply = (_req, res) => res.writeHead(204).end();
    expect(await transport.disconnect(auth())).toBe(true);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/tenant/disconnect' });
    expect(seen[0]!.body.toString()).toBe('{}');
    expect(seen[0]!.headers['idempotency-key']).toBe(`disconnect:${createHash('sha1').update(TENANT).digest('hex')}`);
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    reply = (_req, res) => res.writeHead(401).end();
    expect(await transport.disconnect(auth())).toBe(false);
    expect(await transport.disconnect({ ...auth(), baseUrl: 'http://127.0.0.1:1' })).toBe(false);
    await transport.close();
  });
});

describe('webhook URLs reused across requests', () => {
  it('sends each request to its own tenant, event and provider, however many came before', async () => {
    const transport = createUndiciLedgerTransport();
    try {
      const other = '00000000-0000-4000-8000-000000000002';
      const requests = [
        delivery(),
        delivery({ tenantId: other }),
        delivery({ eventName: 'creditmemo.created' }),
        delivery({ providerParam: 'xero' }),
        delivery({ providerParam: '' }),
        delivery(),
      ];
      for (const request of requests) expect(await transport.deliver(request)).toMatchObject({ kind: 'response', statusCode: 202 });
      expect(seen.map((s) => s.url)).toEqual([
        `/webhooks/magento/${TENANT}/invoice.created`,
        `/webhooks/magento/${other}/invoice.created`,
        `/webhooks/magento/${TENANT}/creditmemo.created`,
        `/webhooks/magento/${TENANT}/invoice.created?provider=xero`,
        `/webhooks/magento/${TENANT}/invoice.created?provider=`,
        `/webhooks/magento/${TENANT}/invoice.created`,
      ]);
    } finally {
      await transport.close();
    }
  });

  it('reports a bad base URL on every request, not only the first', async () => {
    const transport = createUndiciLedgerTransport();
    try {
      for (let i = 0; i < 2; i++) {
        expect(await transport.deliver(delivery({ baseUrl: 'not a url' }))).toMatchObject({ kind: 'network-error' });
      }
      expect(seen).toHaveLength(0);
    } finally {
      await transport.close();
    }
  });
});
