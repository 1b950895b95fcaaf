import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { streamUpload } from '@byte8/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundRequest } from '../../app/inbound-types.js';
import { createNodeInboundHandler } from './node-inbound-handler.js';

const LIMIT = 1024 * 1024;
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function start(options: { trustProxy?: boolean } = {}) {
  const seen: InboundRequest[] = [];
  const serve = createNodeInboundHandler(
    async (request) => {
      seen.push(request);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '[]' };
    },
    { maxBodyBytes: LIMIT, trustProxy: options.trustProxy ?? false },
  );
  server = createServer((req, res) => void serve(req, res, (req.url ?? '/').replace(/^\/rest/, '')));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen };
}

const upload = (port: number, total: number, headers: Record<string, string | number>, stallAfterBytes?: number) =>
  streamUpload(`http://127.0.0.1:${port}/rest/V1/byte8/setup/pair`, total, headers, stallAfterBytes === undefined ? {} : { stallAfterBytes });

describe('createNodeInboundHandler', () => {
  it('refuses a 256 MiB chunked body with 413 after about the limit, never buffering it and never calling the handler', async () => {
    const { port, seen } = await start();
    const before = process.memoryUsage().rss;
    const answer = await upload(port, 256 * 1024 * 1024, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ message: 'The request body is too large.', parameters: [] });
    // Socket buffers let a few MiB through before the answer lands; never anywhere near 256.
    expect(answer.sentWhenAnswered).toBeLessThan(32 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(seen).toEqual([]);
  });

  it('refuses an over-large Content-Length before reading the body', async () => {
    const { port, seen } = await start();
    // 1 KiB of the declared 256 MiB, then silence: only a handler that refuses on the header answers.
    const answer = await upload(port, 256 * 1024 * 1024, { 'content-type': 'application/json', 'content-length': 256 * 1024 * 1024 }, 1024);
    expect(answer.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('passes a body at the limit, byte for byte', async () => {
    const { port, seen } = await start();
    const answer = await upload(port, LIMIT, { 'content-type': 'application/json', 'content-length': LIMIT });
    expect(answer.status).toBe(200);
    expect(Buffer.from(seen[0]!.rawBody).byteLength).toBe(LIMIT);
  });

  it('honours X-Forwarded-Proto only with trustProxy', async () => {
    for (const trustProxy of [false, true]) {
      const { port, seen } = await start({ trustProxy });
      await fetch(`http://127.0.0.1:${port}/rest/V1/byte8/ping`, { headers: { 'x-forwarded-proto': 'https' } });
      await fetch(`http://127.0.0.1:${port}/rest/V1/byte8/ping`, { headers: { 'x-forwarded-proto': 'http, https' } });
      expect(seen.map((r) => r.secure)).toEqual([trustProxy, false]);
      await new Promise<void>((resolve) => (server!.closeAllConnections(), server!.close(() => resolve())));
      server = undefined;
    }
  });
});
