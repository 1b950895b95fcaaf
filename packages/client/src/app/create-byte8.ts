import { type Binding, type Provider, type Resolve, TOKENS, buildContainer, systemClock } from '@byte8/core';
import type {
  CanonicalSource,
  Clock,
  DirectConnection,
  ConnectionStore,
  LedgerTransport,
  Logger,
  OutboxStore,
  Random,
  ReplayGuard,
  SecretBox,
  SyncStateStore,
} from '@byte8/core';
import { AdminService } from '../admin/admin-service.js';
import { systemRandom } from '../crypto/system-random.js';
import { createHostHooks } from '../hooks/create-host-hooks.js';
import { createInboundHandler } from '../inbound/create-inbound-handler.js';
import { createNodeInboundHandler } from '../inbound/node/node-inbound-handler.js';
import { createLogger } from '../logging/create-logger.js';
import { type DeliveryMetrics, createDeliveryMetrics } from '../metrics/delivery-metrics.js';
import { transactionConnections } from '../publisher/transaction-connections.js';
import { type Publisher, createPublisher } from '../publisher/publisher.js';
import { type Reconciler, createReconciler } from '../reconcile/create-reconciler.js';
import { createSecretBox } from '../secret-box/create-secret-box.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import { type LedgerUrlPolicy, ledgerUrlPolicy } from '../transport/ledger-url-policy.js';
import { DEFAULT_LEDGER_BASE_URL } from '../transport/resolve-ledger-auth.js';
import { createUndiciLedgerTransport } from '../transport/undici-ledger-transport.js';
import { type DrainWorker, createDrainWorker } from '../worker/create-drain-worker.js';
import type { Byte8, Byte8Options } from './byte8-types.js';
import { CLIENT_TOKENS } from './client-tokens.js';
import { attachDirectModes } from './attach-direct-modes.js';
import { createDirectDeliveryChannel } from '../direct-delivery/direct-delivery-channel.js';
import { directEnqueueAccount } from '../direct-delivery/direct-enqueue-account.js';
import { periodicTask } from './periodic-task.js';

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
  if (!options.storage) throw new Error('createByte8: storage is required (see createStorage())');
  if (!options.canonicalSource) throw new Error('createByte8: canonicalSource is required');
  if (!Array.isArray(options.providers) || options.providers.length === 0) {
    throw new Error('createByte8: providers must list at least one provider (e.g. sageAccounting())');
  }
  const { storage } = options;
  const inbound = resolveInboundSettings(options.inbound);
  const clock = options.clock ?? systemClock;
  const defaultBaseUrl = options.ledger?.defaultBaseUrl ?? DEFAULT_LEDGER_BASE_URL;
  const urlPolicy = ledgerUrlPolicy({
    production: options.production ?? false,
    trustedBaseUrls: [defaultBaseUrl],
    ...(options.ledger?.allowedHosts ? { allowedHosts: options.ledger.allowedHosts } : {}),
  });
  if (options.production && !defaultBaseUrl.startsWith('https://')) {
    throw new Error(`createByte8: ledger.defaultBaseUrl must be https in production (got ${defaultBaseUrl})`);
  }

  // Providers in direct mode post through their own engine; the modes attach after the container is built.
  const directProviders = (Array.isArray(options.direct) ? options.direct : []).map((mode) => mode?.provider).filter((p): p is string => typeof p === 'string');
  let attachedDirect: ReadonlyMap<string, DirectConnection> = new Map();
  const enqueueAccountOf = directEnqueueAccount(storage);
  const bindings: Binding[] = [
    { token: TOKENS.OutboxStore, value: storage.outbox },
    { token: TOKENS.SyncStateStore, value: storage.syncState },
    { token: TOKENS.ConnectionStore, value: storage.connections },
    { token: TOKENS.OAuthConnectionStore, value: storage.oauthConnections },
    { token: TOKENS.EntityRefStore, value: storage.entityRefs },
    { token: TOKENS.ReplayGuard, value: storage.replayGuard },
    { token: TOKENS.CanonicalSource, value: options.canonicalSource },
    { token: TOKENS.Clock, value: clock },
    { token: TOKENS.Random, value: options.random ?? systemRandom },
    { token: TOKENS.Logger, factory: () => options.logger ?? createLogger() },
    {
      token: TOKENS.SecretBox,
      factory: (get) =>
        createSecretBox({ encryption: options.encryption, production: options.production, logger: get<Logger>(TOKENS.Logger) }),
    },
    {
      token: TOKENS.LedgerTransport,
      factory: (get) =>
        createUndiciLedgerTransport({
          ...(options.ledger?.dispatcher ? { dispatcher: options.ledger.dispatcher } : {}),
          ...(options.ledger?.connectTimeoutMs ? { connectTimeoutMs: options.ledger.connectTimeoutMs } : {}),
          ...(options.ledger?.totalTimeoutMs ? { totalTimeoutMs: options.ledger.totalTimeoutMs } : {}),
          clock,
          random: get<Random>(TOKENS.Random),
          logger: get<Logger>(TOKENS.Logger),
          urlPolicy,
        }),
    },
    { token: CLIENT_TOKENS.DeliveryMetrics, factory: () => createDeliveryMetrics() },
    { token: CLIENT_TOKENS.Publisher, factory: (get) => publisherFrom(get, options.providers, defaultBaseUrl, storage, urlPolicy, directProviders) },
    {
      token: CLIENT_TOKENS.HostHooks,
      factory: (get) =>
        createHostHooks({ providers: options.providers, publisher: get<Publisher>(CLIENT_TOKENS.Publisher), logger: get(TOKENS.Logger) }),
    },
    {
      token: CLIENT_TOKENS.DrainWorker,
      factory: (get) =>
        createDrainWorker(
          {
            outbox: get<OutboxStore>(TOKENS.OutboxStore),
            connections: get<ConnectionStore>(TOKENS.ConnectionStore),
            transport: get<LedgerTransport>(TOKENS.LedgerTransport),
            secretBox: get<SecretBox>(TOKENS.SecretBox),
            providers: options.providers,
            replayGuard: get<ReplayGuard>(TOKENS.ReplayGuard),
            ledgerUrlPolicy: urlPolicy,
            listen: (onNotify) => storage.listen(onNotify),
            clock,
            random: get<Random>(TOKENS.Random),
            logger: get<Logger>(TOKENS.Logger),
            metrics: get<DeliveryMetrics>(CLIENT_TOKENS.DeliveryMetrics),
            ...(directProviders.length > 0 ? { direct: createDirectDeliveryChannel(directProviders, () => attachedDirect, get<Logger>(TOKENS.Logger)) } : {}),
          },
          {
            defaultBaseUrl,
            ...(options.ledger?.totalTimeoutMs ? { deliveryTimeoutMs: options.ledger.totalTimeoutMs } : {}),
            ...options.worker,
          },
        ),
    },
    {
      token: CLIENT_TOKENS.Reconciler,
      factory: (get) =>
        createReconciler({
          source: get<CanonicalSource>(TOKENS.CanonicalSource),
          outbox: get<OutboxStore>(TOKENS.OutboxStore),
          syncState: get<SyncStateStore>(TOKENS.SyncStateStore),
          connections: get<ConnectionStore>(TOKENS.ConnectionStore),
          watermarks: storage.watermarks,
          providers: options.providers,
          enqueuer: get<Publisher>(CLIENT_TOKENS.Publisher),
          directConnected: (provider: string) => (directProviders.includes(provider) ? enqueueAccountOf(provider).then((account) => account !== null) : undefined),
          ...(options.reconciliation?.maxPerPass ? { maxPerPass: options.reconciliation.maxPerPass } : {}),
          ...(options.reconciliation?.settleMs !== undefined ? { settleMs: options.reconciliation.settleMs } : {}),
          clock,
          logger: get<Logger>(TOKENS.Logger),
        }),
    },
    {
      token: CLIENT_TOKENS.InboundHandler,
      factory: (get) =>
        createInboundHandler(
          {
            providers: options.providers,
            connections: get<ConnectionStore>(TOKENS.ConnectionStore),
            replayGuard: get<ReplayGuard>(TOKENS.ReplayGuard),
            rateLimits: storage.rateLimits,
            syncState: get<SyncStateStore>(TOKENS.SyncStateStore),
            canonicalSource: get<CanonicalSource>(TOKENS.CanonicalSource),
            secretBox: get<SecretBox>(TOKENS.SecretBox),
            clock,
            logger: get<Logger>(TOKENS.Logger),
          },
          {
            production: options.production ?? false,
            ledgerUrlPolicy: urlPolicy,
            maxBodyBytes: inbound.maxBodyBytes,
            ...(options.inbound?.pairingRateLimit ? { pairingRateLimit: options.inbound.pairingRateLimit } : {}),
            ...(options.inbound?.jtiPurgeIntervalMs !== undefined ? { jtiPurgeIntervalMs: options.inbound.jtiPurgeIntervalMs } : {}),
          },
        ),
    },
    {
      token: CLIENT_TOKENS.AdminService,
      factory: (get) =>
        new AdminService({
          providers: options.providers,
          connections: get<ConnectionStore>(TOKENS.ConnectionStore),
          outbox: get<OutboxStore>(TOKENS.OutboxStore),
          syncState: get<SyncStateStore>(TOKENS.SyncStateStore),
          transport: get<LedgerTransport>(TOKENS.LedgerTransport),
          secretBox: get<SecretBox>(TOKENS.SecretBox),
          random: get<Random>(TOKENS.Random),
          clock,
          logger: get<Logger>(TOKENS.Logger),
          defaultLedgerBaseUrl: defaultBaseUrl,
          ledgerUrlPolicy: urlPolicy,
          activity: storage.activity,
          deliveryMetrics: get<DeliveryMetrics>(CLIENT_TOKENS.DeliveryMetrics),
          resync: { enqueuer: get<Publisher>(CLIENT_TOKENS.Publisher), source: get<CanonicalSource>(TOKENS.CanonicalSource) },
        }),
    },
  ];

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
  attachedDirect = direct;

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

function publisherFrom(
  get: Resolve,
  providers: readonly Provider[],
  defaultBaseUrl: string,
  storage: Byte8Storage,
  ledgerUrlPolicy: LedgerUrlPolicy,
  directProviders: readonly string[],
): Publisher {
  const accountOf = directEnqueueAccount(storage);
  return createPublisher({
    directAccount: (provider, transaction) => (directProviders.includes(provider) ? accountOf(provider, transaction) : undefined),
    outbox: get<OutboxStore>(TOKENS.OutboxStore),
    connections: get<ConnectionStore>(TOKENS.ConnectionStore),
    // Hooks given the host's transaction read the connection through it (PGlite has one session).
    connectionsIn: transactionConnections(storage, get<Clock>(TOKENS.Clock)),
    transport: get<LedgerTransport>(TOKENS.LedgerTransport),
    secretBox: get<SecretBox>(TOKENS.SecretBox),
    webhookProviderParams: Object.fromEntries(providers.map((p) => [p.key, p.webhookProviderParam])),
    defaultBaseUrl,
    ledgerUrlPolicy,
    clock: get<Clock>(TOKENS.Clock),
    logger: get<Logger>(TOKENS.Logger),
  });
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** `inbound` with defaults, failing closed on a bad value. */
function resolveInboundSettings(inbound: Byte8Options['inbound']): Byte8['inbound'] {
  const maxBodyBytes = inbound?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const trustProxy = inbound?.trustProxy ?? false;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) throw new Error(`createByte8: inbound.maxBodyBytes must be a positive integer, got ${inbound?.maxBodyBytes}`);
  if (typeof trustProxy !== 'boolean') throw new Error(`createByte8: inbound.trustProxy must be a boolean, got ${JSON.stringify(inbound?.trustProxy)}`);
  return { maxBodyBytes, trustProxy };
}
