import { type Binding, type Logger, type Random, TOKENS } from '@byte8/core';
import { createLogger } from '../logging/create-logger.js';
import { createDeliveryMetrics } from '../metrics/delivery-metrics.js';
import { createSecretBox } from '../secret-box/create-secret-box.js';
import { systemRandom } from '../crypto/system-random.js';
import { createUndiciLedgerTransport } from '../transport/undici-ledger-transport.js';
import type { BootSettings } from './boot-settings.js';
import type { Byte8Options } from './byte8-types.js';
import { CLIENT_TOKENS } from './client-tokens.js';

/** The ports: the storage's stores, the host's canonical source, clock, randomness, logger, secret box, ledger transport, metrics. */
export function portBindings(options: Byte8Options, settings: BootSettings): Binding[] {
  return [
    { token: TOKENS.OutboxStore, value: settings.storage.outbox },
    { token: TOKENS.SyncStateStore, value: settings.storage.syncState },
    { token: TOKENS.ConnectionStore, value: settings.storage.connections },
    { token: TOKENS.OAuthConnectionStore, value: settings.storage.oauthConnections },
    { token: TOKENS.EntityRefStore, value: settings.storage.entityRefs },
    { token: TOKENS.ReplayGuard, value: settings.storage.replayGuard },
    { token: TOKENS.CanonicalSource, value: options.canonicalSource },
    { token: TOKENS.Clock, value: settings.clock },
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
          clock: settings.clock,
          random: get<Random>(TOKENS.Random),
          logger: get<Logger>(TOKENS.Logger),
          urlPolicy: settings.urlPolicy,
        }),
    },
    { token: CLIENT_TOKENS.DeliveryMetrics, factory: () => createDeliveryMetrics() },
  ];
}
