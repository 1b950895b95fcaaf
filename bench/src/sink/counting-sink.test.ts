import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createUndiciLedgerTransport } from '@byte8/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimProcess } from '../sim-client.js';

// The sink runs as a forked process, so the test drives the built one (`pnpm build` first).
const built = fileURLToPath(new URL('../../dist/sim-client.js', import.meta.url));
const Sink = existsSync(built) ? ((await import(built)) as typeof import('../sim-client.js')).SimProcess : null;

const masterKey = () => `byte8_lk_${randomBytes(32).toString('hex')}`;

describe.runIf(Sink !== null)('the counting sink', () => {
  const transport = createUndiciLedgerTransport({ connectionsPerOrigin: 4 });
  let checking: SimProcess;
  let trusting: SimProcess;
  beforeAll(async () => {
    checking = await Sink!.startCounting({ verifyEvery: 1 });
    trusting = await Sink!.startCounting({ verifyEvery: 0 });
  });
  afterAll(async () => {
    await transport.close();
    await checking?.stop();
    await trusting?.stop();
  });

  const send = (sink: SimProcess, tenantId: string, key: string, master: string) =>
    transport.deliver({ baseUrl: sink.url, tenantId, masterKey: master, provider: 'sage_accounting', providerParam: null, eventName: 'invoice.created', idempotencyKey: key, body: '{}' });

  it('answers 202 with a sync_run_id and counts requests, distinct keys and duplicates', async () => {
    const tenant = randomUUID();
    const key = masterKey();
    await checking.register(tenant, key);
    const answers = [await send(checking, tenant, 'k:1', key), await send(checking, tenant, 'k:2', key), await send(checking, tenant, 'k:1', key)];
    for (const answer of answers) {
      expect(answer).toMatchObject({ kind: 'response', statusCode: 202 });
      expect(JSON.parse((answer as { body: string }).body).sync_run_id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(await checking.stats()).toMatchObject({ deliveries: 3, uniqueKeys: 2, duplicateDeliveries: 1, rejected: 0, verified: 3 });
  });

  it('refuses a token signed with the wrong key when it checks, and does not count its key', async () => {
    const tenant = randomUUID();
    await checking.register(tenant, masterKey());
    const before = await checking.stats();
    expect(await send(checking, tenant, 'forged:1', masterKey())).toMatchObject({ kind: 'response', statusCode: 401 });
    const after = await checking.stats();
    expect(after.rejected - before.rejected).toBe(1);
    expect(after.uniqueKeys).toBe(before.uniqueKeys);
  });

  it('counts keys per tenant: the same key from another tenant is not a duplicate', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const [keyA, keyB] = [masterKey(), masterKey()];
    await checking.register(a, keyA);
    await checking.register(b, keyB);
    const before = await checking.stats();
    await send(checking, a, 'shared:1', keyA);
    await send(checking, b, 'shared:1', keyB);
    const after = await checking.stats();
    expect(after.uniqueKeys - before.uniqueKeys).toBe(2);
    expect(after.duplicateDeliveries).toBe(before.duplicateDeliveries);
  });

  it('checks nothing at --verify-every 0 (the cheapest sink)', async () => {
    const tenant = randomUUID();
    await trusting.register(tenant, masterKey());
    expect(await send(trusting, tenant, 'unchecked:1', masterKey())).toMatchObject({ kind: 'response', statusCode: 202 });
    expect(await trusting.stats()).toMatchObject({ uniqueKeys: 1, rejected: 0, verified: 0 });
  });
});
