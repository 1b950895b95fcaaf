import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sageAccounting } from '@byte8/sage-accounting';
import { testDialects } from '@byte8/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { Byte8 } from '../app/byte8-types.js';
import { createByte8 } from '../app/create-byte8.js';
import { canonicalFixtures } from '../admin/canonical-fixtures.test-helpers.js';
import { capturingLogger } from '../inbound/inbound-test-kit.test-helpers.js';
import { createStorage } from '../storage/create-storage.js';

/** A service on loopback that must never hear from the connector (an internal admin API, say). */
async function internalService(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"tenant":{"magento_connection_status":"active"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe.each(testDialects())('the ledger base URL cannot point the store at an internal service ($name)', (dialect) => {
  let byte8: Byte8 | undefined;
  let internal: Awaited<ReturnType<typeof internalService>> | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await byte8?.close();
    await internal?.close();
    await dropDatabase?.();
  });

  async function connector(options: { production?: boolean } = {}) {
    const database = await dialect.createDatabase();
    dropDatabase = () => database.drop();
    const storage = database.dialect === 'pglite' ? await createStorage({ pglite: database.pglite }) : await createStorage({ databaseUrl: database.url });
    const logger = capturingLogger();
    const encryption = { keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' };
    byte8 = await createByte8({ storage, providers: [sageAccounting()], canonicalSource: canonicalFixtures, logger, encryption, ...options });
    return { byte8, logger };
  }

  it('refuses such a URL at pairing with a 400 and stores nothing', async () => {
    internal = await internalService();
    const { byte8 } = await connector();
    const sneaky = `http://ledger.byte8.io@${internal.url.slice('http://'.length)}/internal/admin`;
    for (const url of [sneaky, internal.url, `${internal.url.replace('127.0.0.1', 'localhost')}/`, 'https://ledger.byte8.io.evil.example']) {
      const { code } = await byte8.admin.generatePairingCode('sage_accounting');
      const body = JSON.stringify({ pairing_code: code, tenant_id: randomUUID(), byte8_api_key: 'k'.repeat(40), ledger_base_url: url });
      const answer = await byte8.handleInbound({ method: 'POST', path: '/V1/byte8/setup/pair', headers: {}, rawBody: body, secure: true, remoteAddress: '10.0.0.1' });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).message).toMatch(/^ledger_base_url is not an allowed ledger: /);
      expect(await byte8.storage.connections.get('sage_accounting')).toMatchObject({ tenantId: null, encryptedMasterKey: null, pairingCodeHash: expect.any(String) });
    }
  });

  it('sends nothing to a stored URL the policy refuses: no webhook, no health call; the admin says why', async () => {
    internal = await internalService();
    const { byte8, logger } = await connector();
    const sneaky = `http://ledger.byte8.io@${internal.url.slice('http://'.length)}/internal/admin`;
    // As a row written by an older version, or by hand, would hold it.
    await byte8.storage.connections.setPairingCode('sage_accounting', 'h', new Date());
    await byte8.storage.connections.completePairing('sage_accounting', 'h', { tenantId: 't-1', encryptedMasterKey: byte8.secretBox.seal('k'.repeat(40)), ledgerBaseUrl: sneaky }, new Date());
    await byte8.hooks.customerSaved({ before: null, after: { id: 5, websiteId: 1 } });

    expect(await byte8.worker.drainOnce()).toBe(0);
    const status = await byte8.admin.connectionStatus('sage_accounting');
    expect(status).toMatchObject({ state: 'unreachable', label: 'Ledger URL not allowed' });
    expect(status.detail).toContain('user info');
    await byte8.admin.dashboardTile('sage_accounting');
    expect((await byte8.admin.disconnect('sage_accounting')).acknowledged).toBe(false);
    expect(internal.seen).toEqual([]);
    expect((await byte8.storage.outbox.list({ status: 'pending' })).total).toBe(1);
    expect(logger.lines.some((l) => l.includes('ledger base URL refused; provider not drained'))).toBe(true);
  });

  it('refuses plain http in production even for an allowed host, and "*" at boot', async () => {
    await expect(connector({ production: true, ledger: { allowedHosts: ['*'] } } as never)).rejects.toThrow(/is refused in production/);
    const { byte8 } = await connector({ production: true });
    const { code } = await byte8.admin.generatePairingCode('sage_accounting');
    const body = JSON.stringify({ pairing_code: code, tenant_id: randomUUID(), byte8_api_key: 'k'.repeat(40), ledger_base_url: 'http://ledger.byte8.io' });
    const answer = await byte8.handleInbound({ method: 'POST', path: '/V1/byte8/setup/pair', headers: {}, rawBody: body, secure: true, remoteAddress: '10.0.0.1' });
    expect(answer).toMatchObject({ status: 400 });
    expect(JSON.parse(answer.body).message).toBe('ledger_base_url is not an allowed ledger: https is required in production.');
  });
});
