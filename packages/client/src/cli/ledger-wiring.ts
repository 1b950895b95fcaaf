import { type LedgerTransport, type Logger, type SecretBox, systemClock } from '@byte8/core';
import { systemRandom } from '../crypto/system-random.js';
import { type Publisher, createPublisher } from '../publisher/publisher.js';
import { createSecretBox } from '../secret-box/create-secret-box.js';
import { DEFAULT_LEDGER_BASE_URL } from '../transport/resolve-ledger-auth.js';
import { createUndiciLedgerTransport } from '../transport/undici-ledger-transport.js';
import type { CliContext, CliStorage } from './cli-context.js';
import { UsageError } from './cli-errors.js';

/** What commands that talk to the ledger share: key box, HTTP transport, publisher. */
export interface LedgerWiring {
  readonly secretBox: SecretBox;
  readonly transport: LedgerTransport;
  readonly publisher: Publisher;
  readonly logger: Logger;
  readonly defaultBaseUrl: string;
}

/** Builds the ledger side from the host config (encryption, production, ledger); closed with the run. */
export function ledgerWiring(ctx: CliContext, storage: CliStorage): LedgerWiring {
  const config = ctx.config ?? {};
  const logger = config.logger ?? ctx.logger;
  const clock = config.clock ?? systemClock;
  let secretBox: SecretBox;
  try {
    secretBox = createSecretBox({ encryption: config.encryption, production: config.production, logger });
  } catch (error) {
    throw new UsageError(`config ${(error as Error).message}`);
  }
  const transport = createUndiciLedgerTransport({
    ...(config.ledger?.dispatcher ? { dispatcher: config.ledger.dispatcher } : {}),
    ...(config.ledger?.connectTimeoutMs ? { connectTimeoutMs: config.ledger.connectTimeoutMs } : {}),
    ...(config.ledger?.totalTimeoutMs ? { totalTimeoutMs: config.ledger.totalTimeoutMs } : {}),
    clock,
    random: config.random ?? systemRandom,
    logger,
  });
  ctx.onClose(() => transport.close());
  const defaultBaseUrl = config.ledger?.defaultBaseUrl ?? DEFAULT_LEDGER_BASE_URL;
  const publisher = createPublisher({
    outbox: storage.outbox,
    connections: storage.connections,
    transport,
    secretBox,
    webhookProviderParams: Object.fromEntries(ctx.providers.map((p) => [p.key, p.webhookProviderParam])),
    defaultBaseUrl,
    clock,
    logger,
  });
  return { secretBox, transport, publisher, logger, defaultBaseUrl };
}
