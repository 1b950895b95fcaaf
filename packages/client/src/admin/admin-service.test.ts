import { randomBytes } from 'node:crypto';
import { type Clock, serializeEnvelope } from '@byte8/core';
import { freeAgentAccounting } from '@byte8/freeagent-accounting';
import { sageAccounting } from '@byte8/sage-accounting';
import { LedgerSimulator, type TestDatabase, testDialects } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRandom } from '../crypto/system-random.js';
import { createInboundHandler } from '../inbound/create-inbound-handler.js';
import { capturingLogger, startInboundServer } from '../inbound/inbound-test-kit.test-helpers.js';
import { AesGcmSecretBox } from '../secret-box/aes-gcm-secret-box.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { createStorage } from '../storage/create-storage.js';
import { createUndiciLedgerTransport } from '../transport/undici-ledger-transport.js';
import { AdminService } from './admin-service.js';
import { LOOPBACK_LEDGER } from '../testing/loopback-ledger.test-helpers.js';
import { canonicalFixtures } from './canonical-fixtures.test-helpers.js';

/** Real time plus an offset: the simulator signs with the real clock. */
function offsetClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}

describe.each(testDialects())('end to end with the LedgerSimulator over $name', (dialect) => {
  const clock = offsetClock();
  const logger = capturingLogger();
  const providers = [sageAccounting(), freeAgentAccounting()];
  const secretBox = new AesGcmSecretBox({ keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' });
  const transport = createUndiciLedgerTransport({ healthCacheMs: 0, totalTimeoutMs: 2_000, connectTimeoutMs: 1_000 });
  const secrets: string[] = [];
  let database: TestDatabase;
  let storage: Byte8Storage;
  let sim: LedgerSimulator;
  let host: { url: string; close(): Promise<void> };
  let admin: AdminService;
  let tenantId: string;
  let simStopped = false;

  beforeAll(async () => {
    database = await dialect.createDatabase();
    storage = database.dialect === 'pglite' ? await createStorage({ pglite: database.pglite, clock }) : await createStorage({ databaseUrl: database.url, clock });
    sim = await LedgerSimulator.start({ policy: 'synced' });
    const handler = createInboundHandler({
      providers,
      connections: storage.connections,
      replayGuard: storage.replayGuard,
      syncState: storage.syncState,
      canonicalSource: canonicalFixtures,
      secretBox,
      clock,
      logger,
    }, { ledgerUrlPolicy: LOOPBACK_LEDGER });
    host = await startInboundServer(handler);
    admin = new AdminService({
      providers,
      connections: storage.connections,
      outbox: storage.outbox,
      syncState: storage.syncState,
      transport,
      secretBox,
      random: systemRandom,
      clock,
      logger,
      ledgerUrlPolicy: LOOPBACK_LEDGER,
    });
  });

  afterAll(async () => {
    await host?.close();
    if (!simStopped) await sim?.stop();
    await transport.close();
    await storage?.close();
    await database?.drop();
    const log = logger.lines.join('\n');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  const hostBase = () => host.url.replace(/\/rest$/, '');

  it('starts not paired', async () => {
    expect(await admin.connectionStatus('sage_accounting')).toMatchObject({
      state: 'disconnected',
      label: 'Not paired',
      connected: false,
      ledgerBaseUrl: 'https://ledger.byte8.io',
      pairingCode: { pending: false, ageMinutes: null, ttlMinutes: 30 },
    });
    expect(await admin.dashboardTile('sage_accounting')).toMatchObject({ state: 'disconnected', link: 'config' });
  });

  it('pairs: the merchant generates a code, the ledger pairs with it', async () => {
    const { code, expiresAt } = await admin.generatePairingCode('sage_accounting');
    secrets.push(code);
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    expect(expiresAt.getTime() - clock.now().getTime()).toBeCloseTo(1_800_000, -3);
    expect((await admin.connectionStatus('sage_accounting')).pairingCode).toMatchObject({ pending: true, ageMinutes: 0 });

    const paired = await sim.pair(hostBase(), code);
    secrets.push(paired.masterKey);
    expect(paired.status).toBe(200);
    tenantId = paired.tenantId;
    expect(await admin.connectionStatus('sage_accounting')).toMatchObject({
      state: 'connected',
      label: 'Connected to Sage Accounting (UK)',
      colour: '#00873d',
      connected: true,
      tenantId,
      ledgerBaseUrl: sim.url,
      pairingCode: { pending: false },
    });
    expect((await sim.pair(hostBase(), code)).status).toBe(401);
  });

  it.each([
    ['invoice', 42],
    ['customer', 5],
    ['creditmemo', 7],
    ['payment', 42],
    ['product', 9],
  ] as const)('the ledger pulls %s %i and it validates', async (target, id) => {
    const pull = await sim.pull(tenantId, target, id);
    expect(pull).toMatchObject({ status: 200, valid: true, issues: [] });
  });

  it('the ledger calls back sync-state after a delivery; the admin reads it back', async () => {
    const masterKey = secretBox.open((await storage.connections.get('sage_accounting'))!.encryptedMasterKey!);
    const body = serializeEnvelope({ magento_entity_id: 42, website_id: 1, store_id: 1, occurred_at: '2026-04-30T10:11:12Z', payload: { increment_id: '000000042', paid: false } });
    const response = await transport.deliver({
      baseUrl: sim.url,
      tenantId,
      masterKey,
      provider: 'sage_accounting',
      providerParam: null,
      eventName: 'invoice.created',
      idempotencyKey: 'invoice.created:42',
      body,
    });
    expect(response).toMatchObject({ kind: 'response', statusCode: 202 });
    await sim.waitForCallbacks(1);
    expect(sim.callbacks[0]).toMatchObject({ status: 200 });

    const view = await admin.documentStatus('invoice', 42, 'sage_accounting');
    expect(view).toMatchObject({ status: 'synced', chip: { label: '✓ Synced', className: 'byte8-sync-chip byte8-sync-chip--synced' } });
    expect(view.chip.title).toBe(view.record?.providerEntityId);
    expect((await admin.documentStatuses('invoice', [42, 43], 'sage_accounting')).map((v) => v.status)).toEqual(['synced', 'none']);
    const listed = await admin.listStatuses({ entityType: 'invoice', provider: 'sage_accounting', status: 'synced' });
    expect(listed.total).toBe(1);
    expect(listed.rows[0]).toMatchObject({ entityId: 42, status: 'synced' });
    expect(await admin.dashboardTile('sage_accounting')).toMatchObject({ state: 'connected', lastSync: 'just now', pending: '0', errors24h: '0' });
  });

  it('reflects the ledger health in the connection status and the tile', async () => {
    sim.setHealth(tenantId, { magento_connection_status: 'pending' });
    expect(await admin.connectionStatus('sage_accounting')).toMatchObject({ state: 'waiting', colour: '#b36500' });
    expect((await admin.dashboardTile('sage_accounting')).headline).toBe(`Finish setup at ${new URL(sim.url).host}`);
    sim.setHealth(tenantId, { magento_connection_status: 'active', binding_status: 'revoked' });
    expect(await admin.connectionStatus('sage_accounting')).toMatchObject({ state: 'provider_not_connected' });
    expect(await admin.dashboardTile('sage_accounting')).toMatchObject({ state: 'error', headline: 'Binding revoked' });
    sim.setHealth(tenantId, { magento_connection_status: 'token_revoked' });
    expect(await admin.connectionStatus('sage_accounting')).toMatchObject({ state: 'token_revoked', colour: '#b30000' });
    sim.faults.failHealth(503);
    expect(await admin.connectionStatus('sage_accounting')).toMatchObject({ state: 'unreachable', label: 'Ledger unreachable', colour: '#757575' });
    expect(await admin.dashboardTile('sage_accounting')).toMatchObject({ state: 'unknown' });
    sim.faults.reset();
    sim.setHealth(tenantId, { magento_connection_status: 'active', binding_status: 'active' });
  });

  it('shows dead letters per provider and globally, and requeues them', async () => {
    const event = (provider: string, id: number) => ({
      provider,
      tenantId,
      eventName: 'customer.upserted',
      idempotencyKey: `customer.upserted:${id}`,
      body: '{}',
      entityType: 'customer' as const,
      entityId: id,
      upsert: false,
    });
    await storage.outbox.enqueue([event('sage_accounting', 1), event('sage_accounting', 2), event('freeagent', 3)]);
    const claimed = await storage.outbox.claim({
      owner: 'test',
      limit: 10,
      leaseMs: 60_000,
      tenants: [
        { provider: 'sage_accounting', tenantId },
        { provider: 'freeagent', tenantId },
      ],
    });
    expect(claimed).toHaveLength(3);
    await storage.outbox.complete(
      'test',
      claimed.map((row) => ({ kind: 'dead_lettered' as const, id: row.id, statusCode: 422, error: 'HTTP 422: nope', at: clock.now() })),
    );
    expect((await admin.deadLetters()).count).toBe(3);
    const sage = await admin.deadLetters({ provider: 'sage_accounting', limit: 1 });
    expect(sage.count).toBe(2);
    expect(sage.rows).toHaveLength(1);
    expect(await admin.requeue({ id: sage.rows[0]!.id })).toBe(1);
    expect((await admin.deadLetters()).count).toBe(2);
    expect(await admin.requeue({ all: true }, 'freeagent')).toBe(1);
    expect((await admin.deadLetters()).count).toBe(1);
  });

  it('counts events held for a previous tenant and re-addresses them to the current one', async () => {
    const held = {
      provider: 'sage_accounting',
      tenantId: 'tenant-before-re-pair',
      eventName: 'invoice.paid',
      idempotencyKey: 'invoice.paid:77',
      body: '{}',
      entityType: 'invoice' as const,
      entityId: 77,
      upsert: false,
    };
    await storage.outbox.enqueue([held]);
    expect(await admin.heldRows('sage_accounting')).toEqual({ count: 1, tenants: ['tenant-before-re-pair'], currentTenantId: tenantId });
    expect(await admin.heldRows('freeagent')).toEqual({ count: 0, tenants: [], currentTenantId: null });
    await expect(admin.resolveHeld('freeagent', 'drop')).rejects.toThrow(/freeagent is not paired/);
    expect(await admin.resolveHeld('sage_accounting', 'readdress')).toBe(1);
    expect((await admin.heldRows('sage_accounting')).count).toBe(0);
    const [row] = (await storage.outbox.list({ status: 'pending', provider: 'sage_accounting' })).rows.filter((r) => r.idempotencyKey === 'invoice.paid:77');
    expect(row?.tenantId).toBe(tenantId);
  });

  it('disconnects: tells the ledger, clears credentials, keeps base URL and rows', async () => {
    const result = await admin.disconnect('sage_accounting');
    expect(result).toEqual({ wasConnected: true, acknowledged: true });
    expect(sim.tenant(tenantId)?.disconnected).toBe(true);
    expect(await storage.connections.get('sage_accounting')).toMatchObject({ tenantId: null, encryptedMasterKey: null, ledgerBaseUrl: sim.url, pairingCodeHash: null });
    expect((await admin.documentStatus('invoice', 42, 'sage_accounting')).status).toBe('synced');
    expect((await admin.deadLetters()).count).toBe(1);
    expect(await admin.connectionStatus('sage_accounting')).toMatchObject({ state: 'disconnected', ledgerBaseUrl: sim.url });
    expect(await admin.disconnect('sage_accounting')).toEqual({ wasConnected: false, acknowledged: false });
    // The old tenant's tokens no longer open anything.
    expect((await sim.pull(tenantId, 'invoice', 42)).status).toBe(401);
  });

  it('clears local credentials even when the ledger cannot be reached', async () => {
    const { code } = await admin.generatePairingCode('freeagent');
    secrets.push(code);
    const paired = await sim.pair(hostBase(), code, { provider: 'freeagent' });
    secrets.push(paired.masterKey);
    expect(paired.status).toBe(200);
    await sim.stop();
    simStopped = true;
    expect(await admin.disconnect('freeagent')).toEqual({ wasConnected: true, acknowledged: false });
    expect((await storage.connections.get('freeagent'))?.tenantId).toBeNull();
  });

  it('refuses unknown providers with a clear error', async () => {
    await expect(admin.connectionStatus('nope')).rejects.toThrow(/unknown provider "nope" \(installed: sage_accounting, freeagent\)/);
    await expect(admin.generatePairingCode('nope')).rejects.toThrow(/unknown provider/);
  });
});
