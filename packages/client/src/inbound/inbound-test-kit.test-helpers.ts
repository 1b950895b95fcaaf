import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock, Logger } from '@byte8/core';
import type { InboundHandler } from '../app/inbound-types.js';

/**
 * A real node:http server around an inbound handler, mounted under `/rest`
 * like an adapter would; `x-forwarded-proto: https` plays a trusted proxy.
 */
export async function startInboundServer(handler: InboundHandler): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? '/';
    if (!url.startsWith('/rest/')) {
      res.writeHead(404).end();
      return;
    }
    const response = await handler({
      method: req.method ?? 'GET',
      path: url.slice('/rest'.length),
      headers: req.headers,
      rawBody: Buffer.concat(chunks),
      secure: req.headers['x-forwarded-proto'] === 'https',
      remoteAddress: req.socket.remoteAddress ?? '',
    });
    res.writeHead(response.status, response.headers).end(response.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rest`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A tiny HS256 signer over raw JSON text, independent of the code under test. */
export function signJwt(header: string, payload: string, key: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  const input = `${Buffer.from(header).toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  return `${input}.${createHmac(algorithm, key).update(input).digest('base64url')}`;
}

/** Every log line, serialised, to scan for secrets. */
export function capturingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push(JSON.stringify({ level, ...fields, message }));
  };
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

/** A clock tests move by hand. */
export function movableClock(start = Date.now()): Clock & { advance(ms: number): void; seconds(): number } {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    seconds: () => Math.floor(now / 1000),
  };
}
