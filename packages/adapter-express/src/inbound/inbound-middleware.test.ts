import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createNodeInboundHandler, type InboundRequest } from '@byte8/client';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { inboundMiddleware } from './inbound-middleware.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function start(configure: (app: express.Express, seen: InboundRequest[]) => void) {
  const app = express();
  const seen: InboundRequest[] = [];
  configure(app, seen);
  app.use((_req, res) => res.status(404).send('host 404'));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

/** The node handler over a handler that records what it was given. */
const echo = (seen: InboundRequest[], options: { maxBodyBytes?: number; trustProxy?: boolean } = {}) =>
  createNodeInboundHandler(
    async (request: InboundRequest) => {
      seen.push(request);
      return { status: 200, headers: { 'content-type': 'application/json', 'x-handled': 'yes' }, body: '[]' };
    },
    { maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024, trustProxy: options.trustProxy ?? false },
  );

describe('inboundMiddleware', () => {
  it('passes the exact body bytes and the path after /rest, and writes the answer unchanged', async () => {
    const { url, seen } = await start((app, s) => app.use(inboundMiddleware(echo(s))));
    const body = '{ "entity_type":"invoice",  "magento_entity_id": 42 }';
    const res = await fetch(`${url}/rest/V1/byte8/sync-state?x=1`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-handled')).toBe('yes');
    expect(await res.text()).toBe('[]');
    expect(seen[0]!.path).toBe('/V1/byte8/sync-state');
    expect(seen[0]!.method).toBe('POST');
    expect(Buffer.from(seen[0]!.rawBody).toString('utf8')).toBe(body);
    expect(seen[0]!.headers.authorization).toBe('Bearer t');
    expect(seen[0]!.secure).toBe(false);
  });

  it('also works mounted under /rest, and leaves other paths to the host', async () => {
    const { url, seen } = await start((app, s) => app.use('/rest', inboundMiddleware(echo(s))));
    expect((await fetch(`${url}/rest/V1/byte8/ping`)).status).toBe(200);
    expect(seen[0]!.path).toBe('/V1/byte8/ping');
    const other = await fetch(`${url}/rest/V1/orders`);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe('host 404');
  });

  it('trusts X-Forwarded-Proto only when told to', async () => {
    const plain = await start((app, s) => app.use(inboundMiddleware(echo(s))));
    await fetch(`${plain.url}/rest/V1/byte8/ping`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(plain.seen[0]!.secure).toBe(false);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const proxied = await start((app, s) => app.use(inboundMiddleware(echo(s, { trustProxy: true }))));
    await fetch(`${proxied.url}/rest/V1/byte8/ping`, { headers: { 'x-forwarded-proto': 'https, http' } });
    await fetch(`${proxied.url}/rest/V1/byte8/ping`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(proxied.seen.map((r) => r.secure)).toEqual([true, false]);
  });

  it('answers 413 over the size limit without calling the handler', async () => {
    const { url, seen } = await start((app, s) => app.use(inboundMiddleware(echo(s, { maxBodyBytes: 16 }))));
    const res = await fetch(`${url}/rest/V1/byte8/sync-state`, { method: 'POST', body: 'x'.repeat(17) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: 'The request body is too large.', parameters: [] });
    expect(seen).toHaveLength(0);
  });

  it('fails loudly when a host body parser consumed the body first', async () => {
    const { url, seen } = await start((app, s) => {
      app.use(express.json());
      app.use(inboundMiddleware(echo(s)));
    });
    const res = await fetch(`${url}/rest/V1/byte8/sync-state`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toMatch(/before any body parser/);
    expect(seen).toHaveLength(0);
  });
});
