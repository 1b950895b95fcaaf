import type { PluginOptions } from '../options/plugin-options.js';
import { resolveDirectModes } from '../options/resolve-direct-modes.js';
import { resolveProviders } from '../options/resolve-providers.js';
import { MedusaChanges } from '../changes/medusa-changes.js';
import type { GraphQuery } from '../source/graph-query.js';
import { MedusaCanonicalSource } from '../source/medusa-canonical-source.js';
import { MedusaReader } from '../source/medusa-reader.js';
import { type ClientApi, type Connector, type ConnectorOptions, loadClientApi } from './client-api.js';
import { type MedusaLogger, medusaLogger } from './medusa-logger.js';

/** The connector composed for one Medusa app, plus the Medusa-side pieces built around it. */
export interface MedusaConnector {
  readonly connector: Connector;
  readonly changes: MedusaChanges;
  readonly source: MedusaCanonicalSource;
  readonly options: PluginOptions;
}

export interface CreateMedusaConnectorInput {
  readonly options: PluginOptions;
  /** Medusa's own database: the `byte8_*` tables live beside Medusa's. */
  readonly databaseUrl: string;
  readonly query: GraphQuery;
  readonly logger: MedusaLogger;
  /** The Medusa app's directory: provider packages are looked up from there. */
  readonly appDir: string;
  readonly client?: ClientApi;
}

/** Builds storage, the canonical source over `query.graph`, and the client's composition root. */
export async function createMedusaConnector(input: CreateMedusaConnectorInput): Promise<MedusaConnector> {
  const { options } = input;
  const client = input.client ?? (await loadClientApi());
  const providers = await resolveProviders(client, options.providers, input.appDir);
  const direct = await resolveDirectModes(client, options.direct, input.appDir);
  const storage = await client.createStorage({ databaseUrl: input.databaseUrl, ...(options.schema ? { schema: options.schema } : {}) });
  const reader = new MedusaReader(input.query);
  const settings = { websiteId: options.websiteId, storeId: options.storeId, priceCurrency: options.priceCurrency };
  const source = new MedusaCanonicalSource(reader, storage.entityRefs, settings);
  try {
    const connector = await client.createByte8({
      storage,
      providers,
      canonicalSource: source,
      production: options.production,
      logger: medusaLogger(input.logger),
      worker: workerTuning(options.worker),
      inbound: options.inbound,
      direct,
      // Medusa's scheduled job runs the sweep; the client's own timer stays off.
      reconciliation: { intervalMs: 0, maxPerPass: options.reconciliation.maxPerPass, settleMs: options.reconciliation.settleMs },
      ...(options.encryption ? { encryption: options.encryption } : {}),
      ledger: {
        ...(options.ledgerUrl ? { defaultBaseUrl: options.ledgerUrl } : {}),
        ...(options.allowedLedgerHosts ? { allowedHosts: options.allowedLedgerHosts } : {}),
      },
    });
    const changes = new MedusaChanges({ hooks: connector.hooks, reader, refs: storage.entityRefs, websiteId: options.websiteId, storeId: options.storeId });
    return { connector, changes, source, options };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/** The drain tuning the client knows; `inJob` is the plugin's own switch. */
function workerTuning({ inJob: _inJob, ...tuning }: PluginOptions['worker']): NonNullable<ConnectorOptions['worker']> {
  return tuning;
}
