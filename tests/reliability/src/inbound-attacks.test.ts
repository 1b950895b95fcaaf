import type { InboundRequest } from '@byte8/client';
import { LedgerSimulator } from '@byte8/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingLogger } from './harness/capturing-logger.js';
import { type ReliabilityHost, SAGE, startReliabilityHost } from './harness/connector.js';
import { report } from './harness/report.js';
import { changedTables, tableFingerprints } from './harness/table-fingerprints.js';

const PAIR = '/V1/byte8/setup/pair';

/** A clock the test moves: pairing codes expire after 30 minutes. */
function movableClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => (offset += ms), reset: () => (offset = 0) };
}

describe('attacks: pairing brute force, stolen and expired codes, replayed tokens', () => {
  let sim: LedgerSimulator;
  let host: ReliabilityHost;
  const logger = capturingLogger();
  const clock = movableClock();
  const results: Record<string, unknown> = {};

  beforeAll(async () => {
    sim = await LedgerSimulator.start({ policy: 'none' });
    // The pairing bodies name https://ledger.example: allow it, so a guess is refused for its code (401), not its address (400).
    host = await startReliabilityHost({
      sim,
      logger,
      clock,
      inbound: { pairingRateLimit: { perAddress: 10, global: 40, windowMs: 60_000 } },
      ledger: { allowedHosts: ['127.0.0.1', 'ledger.example'] },
    });
  });
  afterAll(async () => {
    report('inbound-attacks', results);
    await host?.close();
    await sim?.stop();
  });

  const call = (method: string, path: string, headers: InboundRequest['headers'], body: unknown, remoteAddress = '198.51.100.7') =>
    host.byte8.handleInbound({ method, path, headers, rawBody: typeof body === 'string' ? body : JSON.stringify(body), secure: true, remoteAddress });
  const pairBody = (code: string) => ({ pairing_code: code, tenant_id: crypto.randomUUID(), byte8_api_key: `byte8_lk_${'ab'.repeat(32)}`, ledger_base_url: 'https://ledger.example' });
  const wrongCode = (i: number) => i.toString(16).padStart(32, '0');

  it('rate-limits pairing guesses per address and globally (429), writing nothing but the count', async () => {
    const before = await tableFingerprints(host.storage);
    const one: number[] = [];
    for (let i = 0; i < 15; i++) one.push((await call('POST', PAIR, {}, pairBody(wrongCode(i)))).status);
    expect(one.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(one.slice(10).every((s) => s === 429)).toBe(true);
    // Many addresses: the global budget (40 here) stops a distributed guesser.
    const many: number[] = [];
    for (let i = 0; i < 60; i++) many.push((await call('POST', PAIR, {}, pairBody(wrongCode(100 + i)), `192.0.2.${i}`)).status);
    const limited = many.filter((s) => s === 429).length;
    expect(limited).toBeGreaterThanOrEqual(60 - 30);
    // Only the limiter's own counts change: no connection, no pairing code, no secret.
    expect(changedTables(before, await tableFingerprints(host.storage))).toEqual(['byte8_rate_limit']);
    results.bruteForce = { sameAddress: one.join(','), distributedAttempts: 60, distributedRateLimited: limited };
    clock.advance(61_000);
  });

  it('refuses a pairing code once used, and an expired one', async () => {
    const { code } = await host.byte8.admin.generatePairingCode(SAGE);
    const first = await call('POST', PAIR, {}, pairBody(code), '198.51.100.20');
    expect(first.status).toBe(200);
    const paired = await host.storage.connections.get(SAGE);
    const stolen = await call('POST', PAIR, {}, pairBody(code), '198.51.100.21');
    expect(stolen.status).toBe(401);
    expect(await host.storage.connections.get(SAGE)).toEqual(paired);

    const expiring = (await host.byte8.admin.generatePairingCode(SAGE)).code;
    clock.advance(1_801_000);
    const before = await tableFingerprints(host.storage);
    const expired = await call('POST', PAIR, {}, pairBody(expiring), '198.51.100.22');
    expect(expired.status).toBe(401);
    expect(expired.body).toBe(stolen.body);
    expect(changedTables(before, await tableFingerprints(host.storage))).toEqual(['byte8_rate_limit']);
    const leaks = logger.lines.filter((l) => l.includes(code) || l.includes(expiring)).length;
    expect(leaks).toBe(0);
    results.pairing = { firstUse: first.status, reuse: stolen.status, expired: expired.status, codesInLogs: leaks };
  });

  it('refuses a replayed inbound token with the same 401 as any other bad token', async () => {
    clock.reset();
    // Re-register the simulator's tenant with the connection now stored (the pairing above replaced it).
    const connection = (await host.storage.connections.get(SAGE))!;
    const masterKey = host.byte8.secretBox.open(connection.encryptedMasterKey!);
    sim.registerTenant({ provider: SAGE, tenantId: connection.tenantId!, masterKey });
    const token = sim.mintInboundToken(connection.tenantId!);
    const first = await call('GET', '/V1/byte8/ping', { authorization: `Bearer ${token}` }, '');
    expect(first.status).toBe(200);
    const before = await tableFingerprints(host.storage);
    const replay = await call('GET', '/V1/byte8/invoice/1', { authorization: `Bearer ${token}` }, '');
    const forged = await call('GET', '/V1/byte8/invoice/1', { authorization: `Bearer ${token.slice(0, -2)}xx` }, '');
    expect(replay.status).toBe(401);
    expect(replay.body).toBe(forged.body);
    expect(changedTables(before, await tableFingerprints(host.storage))).toEqual([]);
    expect(logger.lines.some((l) => l.includes(token) || l.includes(masterKey))).toBe(false);
    results.replay = { firstUse: first.status, replay: replay.status, forged: forged.status };
  });
});
