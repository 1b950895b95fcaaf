import { type LedgerTransport, type Logger, type SecretBox, systemClock } from '@byte8/core';
import { systemRandom } from '../crypto/system-random.js';
import { type Publisher, createPublisher } from '../publisher/publisher.js';
import { createSecretBox } from '../secret-box/create-secret-box.js';
import { type LedgerUrlPolicy, ledgerUrlPolicy } from '../transport/ledger-url-policy.js';
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
  readonly urlPolicy: LedgerUrlPolicy;
}

/** The ledger URL policy of a CLI run: the config's `ledger.allowedHosts`, else `--allowed-ledger-hosts`. */
export function cliLedgerUrlPolicy(ctx: CliContext, defaultBaseUrl: string): LedgerUrlPolicy {
  const config = ctx.config ?? {};
  const allowedHosts = config.ledger?.allowedHosts ?? ctx.settings.allowedLedgerHosts;
  try {
    return ledgerUrlPolicy({ production: config.production ?? false, trustedBaseUrls: [defaultBaseUrl], ...(allowedHosts ? { allowedHosts } : {}) });
  } catch (error) {
    throw new UsageError(`config ${(error as Error).message}`);
  }
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
  const defaultBaseUrl = config.ledger?.defaultBaseUrl ?? DEFAULT_LEDGER_BASE_URL;
  const urlPolicy = cliLedgerUrlPolicy(ctx, defaultBaseUrl);
  const transport = createUndiciLedgerTransport({
    ...(config.ledger?.dispatcher ? { dispatcher: config.ledger.dispatcher } : {}),
    ...(config.ledger?.connectTimeoutMs ? { connectTimeoutMs: config.ledger.connectTimeoutMs } : {}),
    ...(config.ledger?.totalTimeoutMs ? { totalTimeoutMs: config.ledger.totalTimeoutMs } : {}),
    clock,
    random: config.random ?? systemRandom,
    logger,
    urlPolicy,
  });
  ctx.onClose(() => transport.close());
  const publisher = createPublisher({
    outbox: storage.outbox,
    connections: storage.connections,
    transport,
    secretBox,
    webhookProviderParams: Object.fromEntries(ctx.providers.map((p) => [p.key, p.webhookProviderParam])),
    defaultBaseUrl,
    ledgerUrlPolicy: urlPolicy,
    clock,
    logger,
  });
  return { secretBox, transport, publisher, logger, defaultBaseUrl, urlPolicy };
}
