import { type Binding, type LedgerTransport, type Logger, type Random, type SecretBox, TOKENS, buildContainer } from '@byte8/core';
import { createNodeInboundHandler } from '../inbound/node/node-inbound-handler.js';
import type { Reconciler } from '../reconcile/create-reconciler.js';
import type { DrainWorker } from '../worker/create-drain-worker.js';
import { attachDirectModes } from './attach-direct-modes.js';
import { bootSettings } from './boot-settings.js';
import type { Byte8, Byte8Options } from './byte8-types.js';
import { CLIENT_TOKENS } from './client-tokens.js';
import { periodicTask } from './periodic-task.js';
import { portBindings } from './port-bindings.js';
import { serviceBindings } from './service-bindings.js';

const DEFAULT_RECONCILE_INTERVAL_MS = 5 * 60_000;

/**
 * The client's composition root: binds the storage's stores, the ledger
 * transport, the secret box and the host's canonical source as ports, then
 * builds the publisher, hooks, worker, reconciler, inbound handler and admin
 * service from them. Adapters mount what it returns.
 *
 * @example
 * const storage = await createStorage({ databaseUrl: process.env.DATABASE_URL, migrate: true });
 * const byte8 = await createByte8({ storage, providers: [sageAccounting()], canonicalSource,
 *   encryption: { keys: { k1: process.env.BYTE8_KEY! }, activeKeyId: 'k1' }, production: true });
 * await byte8.hooks.invoiceSaved({ before: null, after: invoice }, { transaction: trx });
 * byte8.worker.start();
 */
export async function createByte8(options: Byte8Options): Promise<Byte8> {
  const settings = bootSettings(options);
  const { storage, clock, inbound } = settings;
  const bindings: Binding[] = [...portBindings(options, settings), ...serviceBindings(options, settings)];

  const container = buildContainer({ providers: options.providers, bindings });
  // Resolve eagerly: a bad option (no encryption key in production, a bad worker setting) fails here, at boot.
  const logger = container.get<Logger>(TOKENS.Logger);
  const transport = container.get<LedgerTransport>(TOKENS.LedgerTransport);
  const drain = container.get<DrainWorker>(CLIENT_TOKENS.DrainWorker);
  const reconciler = container.get<Reconciler>(CLIENT_TOKENS.Reconciler);
  const reconcileEvery = options.reconciliation?.intervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS;
  const reconciliation = periodicTask('reconciliation', reconcileEvery, (signal) => reconciler.runOnce(signal), logger);
  const direct = attachDirectModes(options.direct ?? [], options.providers, {
    oauthConnections: storage.oauthConnections,
    secretBox: container.get<SecretBox>(TOKENS.SecretBox),
    clock,
    random: container.get<Random>(TOKENS.Random),
    logger,
    documents: {
      canonicalSource: options.canonicalSource,
      syncState: storage.syncState,
      entityXrefs: storage.entityXrefs,
      transact: (work) => storage.db.transaction().execute(work),
    },
  });
  settings.setAttachedDirect(direct);

  const worker: Byte8['worker'] = {
    get workerId() {
      return drain.workerId;
    },
    start() {
      drain.start();
      reconciliation.start();
    },
    async stop() {
      await Promise.all([drain.stop(), reconciliation.stop()]);
    },
    drainOnce: () => drain.drainOnce(),
    drainUntilIdle: () => drain.drainUntilIdle(),
    gc: () => drain.gc(),
  };

  const handleInbound = container.get<Byte8['handleInbound']>(CLIENT_TOKENS.InboundHandler);
  return {
    storage,
    providers: options.providers,
    hooks: container.get(CLIENT_TOKENS.HostHooks),
    handleInbound,
    serveNode: createNodeInboundHandler(handleInbound, inbound),
    inbound,
    admin: container.get(CLIENT_TOKENS.AdminService),
    worker,
    publisher: container.get(CLIENT_TOKENS.Publisher),
    reconciler,
    transport,
    secretBox: container.get(TOKENS.SecretBox),
    metrics: container.get(CLIENT_TOKENS.DeliveryMetrics),
    logger,
    clock,
    canonicalSource: options.canonicalSource,
    direct,
    container,
    async close({ closeStorage = true } = {}) {
      await worker.stop();
      await transport.close();
      for (const connection of direct.values()) await connection.close();
      if (closeStorage) await storage.close();
    },
  };
}
