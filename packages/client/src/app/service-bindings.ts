import {
  type Binding,
  type CanonicalSource,
  type Clock,
  type ConnectionStore,
  type LedgerTransport,
  type Logger,
  type OutboxStore,
  type Provider,
  type Random,
  type ReplayGuard,
  type Resolve,
  type SecretBox,
  type SyncStateStore,
  TOKENS,
} from '@byte8/core';
import { AdminService } from '../admin/admin-service.js';
import { createDirectDeliveryChannel } from '../direct-delivery/direct-delivery-channel.js';
import { createHostHooks } from '../hooks/create-host-hooks.js';
import { createInboundHandler } from '../inbound/create-inbound-handler.js';
import type { DeliveryMetrics } from '../metrics/delivery-metrics.js';
import { type Publisher, createPublisher } from '../publisher/publisher.js';
import { transactionConnections } from '../publisher/transaction-connections.js';
import { createReconciler } from '../reconcile/create-reconciler.js';
import { createDrainWorker } from '../worker/create-drain-worker.js';
import type { BootSettings } from './boot-settings.js';
import type { Byte8Options } from './byte8-types.js';
import { CLIENT_TOKENS } from './client-tokens.js';

/** The services built on the ports: publisher, host hooks, drain worker, reconciler, inbound handler, admin service. */
export function serviceBindings(options: Byte8Options, settings: BootSettings): Binding[] {
  return [
    { token: CLIENT_TOKENS.Publisher, factory: (get) => publisherFrom(get, options.providers, settings) },
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
            ledgerUrlPolicy: settings.urlPolicy,
            listen: (onNotify) => settings.storage.listen(onNotify),
            clock: settings.clock,
            random: get<Random>(TOKENS.Random),
            logger: get<Logger>(TOKENS.Logger),
            metrics: get<DeliveryMetrics>(CLIENT_TOKENS.DeliveryMetrics),
            ...(settings.directProviders.length > 0 ? { direct: createDirectDeliveryChannel(settings.directProviders, settings.attachedDirect, get<Logger>(TOKENS.Logger)) } : {}),
          },
          {
            defaultBaseUrl: settings.defaultBaseUrl,
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
          watermarks: settings.storage.watermarks,
          providers: options.providers,
          enqueuer: get<Publisher>(CLIENT_TOKENS.Publisher),
          directConnected: (provider: string) => (settings.directProviders.includes(provider) ? settings.enqueueAccountOf(provider).then((account) => account !== null) : undefined),
          ...(options.reconciliation?.maxPerPass ? { maxPerPass: options.reconciliation.maxPerPass } : {}),
          ...(options.reconciliation?.settleMs !== undefined ? { settleMs: options.reconciliation.settleMs } : {}),
          clock: settings.clock,
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
            rateLimits: settings.storage.rateLimits,
            syncState: get<SyncStateStore>(TOKENS.SyncStateStore),
            canonicalSource: get<CanonicalSource>(TOKENS.CanonicalSource),
            secretBox: get<SecretBox>(TOKENS.SecretBox),
            clock: settings.clock,
            logger: get<Logger>(TOKENS.Logger),
          },
          {
            production: options.production ?? false,
            ledgerUrlPolicy: settings.urlPolicy,
            maxBodyBytes: settings.inbound.maxBodyBytes,
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
          clock: settings.clock,
          logger: get<Logger>(TOKENS.Logger),
          defaultLedgerBaseUrl: settings.defaultBaseUrl,
          ledgerUrlPolicy: settings.urlPolicy,
          activity: settings.storage.activity,
          deliveryMetrics: get<DeliveryMetrics>(CLIENT_TOKENS.DeliveryMetrics),
          resync: { enqueuer: get<Publisher>(CLIENT_TOKENS.Publisher), source: get<CanonicalSource>(TOKENS.CanonicalSource) },
        }),
    },
  ];
}

function publisherFrom(get: Resolve, providers: readonly Provider[], settings: BootSettings): Publisher {
  return createPublisher({
    directAccount: (provider, transaction) => (settings.directProviders.includes(provider) ? settings.enqueueAccountOf(provider, transaction) : undefined),
    outbox: get<OutboxStore>(TOKENS.OutboxStore),
    connections: get<ConnectionStore>(TOKENS.ConnectionStore),
    // Hooks given the host's transaction read the connection through it (PGlite has one session).
    connectionsIn: transactionConnections(settings.storage, get<Clock>(TOKENS.Clock)),
    transport: get<LedgerTransport>(TOKENS.LedgerTransport),
    secretBox: get<SecretBox>(TOKENS.SecretBox),
    webhookProviderParams: Object.fromEntries(providers.map((p) => [p.key, p.webhookProviderParam])),
    defaultBaseUrl: settings.defaultBaseUrl,
    ledgerUrlPolicy: settings.urlPolicy,
    clock: get<Clock>(TOKENS.Clock),
    logger: get<Logger>(TOKENS.Logger),
  });
}
