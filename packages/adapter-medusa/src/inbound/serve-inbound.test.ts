import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Byte8, createByte8, createStorage } from '@byte8/client';
import { silentLogger } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { streamUpload } from '@byte8/testkit';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { serveInbound } from './serve-inbound.js';

/**
 * The plugin's route handler in a plain Express app (Medusa's HTTP layer is
 * Express), with the scope resolving a real connector, so body limits and the
 * proxy setting are tested over real HTTP without booting a whole Medusa.
 */
async function serve(options: { trustProxy?: boolean; maxBodyBytes?: number } = {}) {
  const storage = await createStorage();
  const byte8 = await createByte8({
    storage,
    providers: [sageAccounting()],
    canonicalSource: {} as never,
    production: true,
    encryption: { keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' },
    inbound: options,
    logger: silentLogger,
  });
  const app = express();
  app.use((req, _res, next) => {
    (req as unknown as { scope: unknown }).scope = { resolve: () => ({ connector: async () => ({ connector: byte8 }) }) };
    next();
  });
  app.post('/rest/V1/byte8/setup/pair', (req, res) => void serveInbound(req as never, res as never));
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  opened.push({ server, byte8 });
  return { byte8, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/V1/byte8/setup/pair` };
}

const opened: { server: Server; byte8: Byte8 }[] = [];
afterEach(async () => {
  for (const { server, byte8 } of opened.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await byte8.close();
  }
});

describe('serveInbound (the plugin\'s /rest/V1/byte8/* routes)', () => {
  it('refuses a 256 MiB chunked pairing POST with 413 at the inbound.maxBodyBytes limit, without buffering it', async () => {
    const { url } = await serve({ maxBodyBytes: 1024 * 1024 });
    const before = process.memoryUsage().rss;
    const answer = await streamUpload(url, 256 * 1024 * 1024, { 'transfer-encoding': 'chunked' });
    expect(answer.status).toBe(413);
    expect(answer.sentWhenAnswered).toBeLessThan(32 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses an over-large Content-Length before reading the body', async () => {
    const { url } = await serve({ maxBodyBytes: 1024 });
    // 1 KiB of a declared 64 MiB, then silence: only a server that refuses on the header answers.
    const answer = await streamUpload(url, 64 * 1024 * 1024, { 'content-length': 64 * 1024 * 1024 }, { stallAfterBytes: 1024 });
    expect(answer.status).toBe(413);
  });

  it('honours X-Forwarded-Proto for production\'s HTTPS check only with inbound.trustProxy', async () => {
    const body = JSON.stringify({ pairing_code: 'x'.repeat(32), tenant_id: randomUUID(), byte8_api_key: 'k', ledger_base_url: 'https://ledger.byte8.io' });
    const post = (url: string) => fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' } });
    const untrusted = await serve();
    const refused = await post(untrusted.url);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe('HTTPS is required.');
    const trusted = await serve({ trustProxy: true });
    // Past the HTTPS check: the (wrong) pairing code is what is refused now.
    expect((await post(trusted.url)).status).toBe(401);
  });
});
