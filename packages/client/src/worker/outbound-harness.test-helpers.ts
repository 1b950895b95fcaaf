import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock, LedgerTransport, Provider } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { sql } from 'kysely';
import { type AnyTestDatabase, LedgerSimulator, type TestDialect } from '@byte8/testkit';
import { createHostHooks } from '../hooks/create-host-hooks.js';
import { createPublisher } from '../publisher/publisher.js';
import { transactionConnections } from '../publisher/transaction-connections.js';
import { AesGcmSecretBox } from '../secret-box/aes-gcm-secret-box.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { createStorage } from '../storage/create-storage.js';
import { createUndiciLedgerTransport } from '../transport/undici-ledger-transport.js';
import { type DrainWorker, createDrainWorker } from './create-drain-worker.js';
import type { DrainWorkerOptions } from './drain-worker-options.js';

/** A clock tests move by hand; starts at the real time so the simulator's JWT checks pass. */
export interface MovableClock extends Clock {
  advance(ms: number): void;
  reset(): void;
}

export function movableClock(): MovableClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}

export async function openStorage(database: AnyTestDatabase, clock: Clock): Promise<Byte8Storage> {
  const storage =
    database.dialect === 'pglite'
      ? await createStorage({ pglite: database.pglite, clock })
      : await createStorage({ databaseUrl: database.url, clock });
  await storage.migrate();
  return storage;
}

/**
 * Storage over a throwaway database, the real simulator, the real transport,
 * publisher, hooks and worker: everything the outbound path is made of.
 */
export async function outboundHarness(dialect: TestDialect<AnyTestDatabase>, providers: readonly Provider[] = [sageAccounting()]) {
  const clock = movableClock();
  const database = await dialect.createDatabase();
  const storage = await openStorage(database, clock);
  const sim = await LedgerSimulator.start({ policy: 'none' });
  const secretBox = new AesGcmSecretBox({ keys: { k1: randomBytes(32).toString('base64') }, activeKeyId: 'k1' });
  // JWT iat must agree with the simulator's clock: the transport keeps real time.
  const transport: LedgerTransport = createUndiciLedgerTransport({ totalTimeoutMs: 2_000, connectTimeoutMs: 1_000 });
  const publisher = createPublisher({
    outbox: storage.outbox,
    connections: storage.connections,
    connectionsIn: transactionConnections(storage, clock),
    transport,
    secretBox,
    webhookProviderParams: Object.fromEntries(providers.map((p) => [p.key, p.webhookProviderParam])),
    defaultBaseUrl: sim.url,
    clock,
  });
  const hooks = createHostHooks({ providers, publisher });
  const workers: DrainWorker[] = [];
  const extraStorages: Byte8Storage[] = [];

  /** Pairs `provider` with a fresh tenant the simulator knows, as the pairing route would store it. */
  async function connect(provider = providers[0]!.key, tenantId: string = randomUUID()) {
    const masterKey = `byte8_lk_${randomBytes(32).toString('hex')}`;
    sim.registerTenant({ tenantId, masterKey, provider });
    const hash = createHash('sha256').update(randomUUID()).digest('hex');
    await storage.connections.setPairingCode(provider, hash, clock.now());
    const done = await storage.connections.completePairing(
      provider,
      hash,
      { tenantId, encryptedMasterKey: secretBox.seal(masterKey), ledgerBaseUrl: sim.url },
      clock.now(),
    );
    if (!done) throw new Error('pairing did not complete');
    return { tenantId, masterKey };
  }

  /** A worker over `on` (default the first storage); `listen: false` leaves it polling only. */
  function worker(options: DrainWorkerOptions = {}, on: Byte8Storage = storage, { listen = true } = {}): DrainWorker {
    const w = createDrainWorker(
      {
        outbox: on.outbox,
        connections: on.connections,
        transport,
        secretBox,
        providers,
        replayGuard: on.replayGuard,
        clock,
        ...(listen ? { listen: (cb: () => void) => on.listen(cb) } : {}),
      },
      // The simulator is this worker's configured ledger, as a host would say with ledger.defaultBaseUrl.
      { pollIntervalMs: 50, gcIntervalMs: 0, defaultBaseUrl: sim.url, ...options },
    );
    workers.push(w);
    return w;
  }

  /** A second storage on the same database (another "process" for pg). */
  async function secondStorage(): Promise<Byte8Storage> {
    const other = await openStorage(database, clock);
    extraStorages.push(other);
    return other;
  }

  /** Back to an empty database and a quiet simulator between tests (each test pairs its own tenant). */
  async function reset() {
    for (const w of workers.splice(0)) await w.stop();
    // DELETE rather than TRUNCATE between tests (TRUNCATE made the PGlite run stall sooner).
    await sql`DELETE FROM byte8_event_outbox`.execute(storage.db);
    await sql`DELETE FROM byte8_entity_sync_state`.execute(storage.db);
    await sql`DELETE FROM byte8_connection`.execute(storage.db);
    h.sim.reset();
    clock.reset();
  }

  async function close() {
    for (const w of workers) await w.stop();
    await transport.close();
    await sim.stop();
    for (const s of extraStorages) await s.close();
    await storage.close();
    await database.drop();
  }

  const h = { clock, database, storage, sim, secretBox, transport, publisher, hooks, connect, worker, secondStorage, reset, close };
  return h;
}

export type OutboundHarness = Awaited<ReturnType<typeof outboundHarness>>;
