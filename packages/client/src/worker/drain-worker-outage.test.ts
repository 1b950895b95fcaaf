import { createServer, type Server } from 'node:net';
import { randomBytes } from 'node:crypto';
import { sageAccounting } from '@byte8/sage-accounting';
import { afterEach, describe, expect, it } from 'vitest';
import { capturingLogger } from '../inbound/inbound-test-kit.test-helpers.js';
import { AesGcmSecretBox } from '../secret-box/aes-gcm-secret-box.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { createStorage } from '../storage/create-storage.js';
import { createUndiciLedgerTransport } from '../transport/undici-ledger-transport.js';
import { createDrainWorker } from './create-drain-worker.js';

/** A TCP port that accepts and closes every connection: a database that is down, on a real socket. */
async function deadDatabasePort(): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('drain worker while the database is unreachable', () => {
  let storage: Byte8Storage | undefined;
  let dead: Awaited<ReturnType<typeof deadDatabasePort>> | undefined;
  afterEach(async () => {
    await storage?.close();
    await dead?.close();
  });

  it('backs off after failed passes and logs the outage once, not once per pass', async () => {
    dead = await deadDatabasePort();
    storage = await createStorage({ databaseUrl: `postgres://postgres@127.0.0.1:${dead.port}/byte8`, migrate: false });
    const logger = capturingLogger();
    let passes = 0;
    const connections = storage.connections;
    const counted = { ...connections, get: connections.get.bind(connections), list: () => (passes++, connections.list()) };
    const worker = createDrainWorker(
      {
        outbox: storage.outbox,
        connections: counted,
        transport: createUndiciLedgerTransport(),
        secretBox: new AesGcmSecretBox({ keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' }),
        providers: [sageAccounting()],
        logger,
      },
      { pollIntervalMs: 1_000, gcIntervalMs: 0 },
    );
    const cpuBefore = process.cpuUsage();
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await worker.stop();
    const cpu = process.cpuUsage(cpuBefore);

    const failures = logger.lines.filter((line) => line.includes('drain pass failed'));
    // Backoff from 100 ms doubling (jittered): about 5 passes in 2 s; a hot loop makes hundreds.
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(passes).toBeLessThanOrEqual(8);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain('retrying with backoff');
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(400);
  });
});
