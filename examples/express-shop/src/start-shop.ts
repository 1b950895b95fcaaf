import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { byte8Express } from '@byte8/adapter-express';
import { type Byte8, type StorageOptions, createByte8, createStorage } from '@byte8/client';
import type { Logger, Provider } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import type { SageDirectConnection } from '@byte8/sage-direct';
import type { SageApiSimulator } from '@byte8/testkit/sage-api';
import { LedgerSimulator } from '@byte8/testkit/simulator';
import express from 'express';
import { shopCanonicalSource } from './canonical/shop-canonical-source.js';
import { migrateShop } from './db/migrate-shop.js';
import type { ShopDb } from './db/shop-tables.js';
import { type SageDirectDemo, startSageDirectDemo } from './direct/sage-direct-demo.js';
import { shopDocuments } from './domain/shop-documents.js';
import { seedShop } from './seed-shop.js';
import { basicAuth } from './web/basic-auth.js';
import { favicon, notFound, shopErrors } from './web/shop-errors.js';
import { shopRouter } from './web/shop-router.js';

export const ADMIN_PATH = '/admin/byte8';

export interface ShopConfig {
  /** Default 3000; 0 picks a free port. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** PostgreSQL (`postgres://`) or MySQL (`mysql://`); otherwise PGlite in `dataDir`, or in memory when neither is set. */
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  /** An open PGlite the caller owns (tests). */
  readonly pglite?: StorageOptions['pglite'];
  /** A real ledger. Without it the testkit's simulator plays the ledger and pairing is automatic. */
  readonly ledgerUrl?: string;
  /** More hosts a pairing may name as the ledger (`ledger.allowedHosts`); `ledgerUrl` is always allowed. */
  readonly allowedLedgerHosts?: readonly string[];
  /** The URL the ledger reaches this shop at. Default: the listening address. */
  readonly publicUrl?: string;
  readonly admin: { readonly user: string; readonly password: string };
  /** Pair at start: with the simulator automatically, with a real ledger by printing a code. Default true. */
  readonly autoPair?: boolean;
  /** Run the drain worker in this process. Default true. */
  readonly startWorker?: boolean;
  /** Seed customers, products and documents into an empty shop. Default true. */
  readonly seed?: boolean;
  /** The accounting providers to install. Default: Sage. Every one is paired with the simulator at start. */
  readonly providers?: readonly Provider[];
  /** The connector's logger. Default: pino on stdout. */
  readonly logger?: Logger;
  /** Where the startup lines go. Default: nowhere. */
  readonly print?: (line: string) => void;
  /** `direct`: Sage in direct mode against the Sage API simulator, connected at start (no ledger for Sage). Default `ledger`. */
  readonly mode?: 'ledger' | 'direct';
}

export interface RunningShop {
  readonly shopUrl: string;
  readonly adminUrl: string;
  readonly byte8: Byte8;
  readonly db: ShopDb;
  /** Present when the simulator plays the ledger. */
  readonly simulator: LedgerSimulator | null;
  /** Present in direct mode: the Sage API simulator the shop posts to. */
  readonly sageSimulator: SageApiSimulator | null;
  /** Fresh pairing codes per provider key, when a real ledger is configured and the provider is not paired yet. */
  readonly pairingCodes: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * The demo's data is a few hundred rows: 16 MB of shared buffers hold all of it,
 * where PGlite's default 128 MB would be most of the shop's resident memory.
 */
const DEMO_PGLITE_SETTINGS = { shared_buffers: '16MB' } as const;

/**
 * Starts the demo: storage and shop tables in one database, the connector,
 * the ledger (simulated unless `ledgerUrl`), pairing, seed data, the worker
 * and the HTTP server. `main.ts` calls this with the environment's settings.
 */
export async function startShop(config: ShopConfig): Promise<RunningShop> {
  const print = config.print ?? (() => {});
  // PGlite creates only the last directory of the path; a fresh clone has none of it.
  if (config.dataDir && !config.databaseUrl && !config.pglite) mkdirSync(config.dataDir, { recursive: true });
  const storage = await createStorage(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl }
      : config.pglite
        ? { pglite: config.pglite }
        : { ...(config.dataDir ? { dataDir: config.dataDir } : {}), pgliteSettings: DEMO_PGLITE_SETTINGS },
  );
  const db = storage.db as unknown as ShopDb;
  await migrateShop(db);
  const simulator = config.ledgerUrl ? null : await LedgerSimulator.start({ policy: 'synced' });
  const ledgerUrl = config.ledgerUrl ?? simulator!.url;
  const providers = config.providers ?? [sageAccounting()];
  const callbackBase = config.publicUrl ?? `http://${config.host ?? '127.0.0.1'}:${config.port ?? 3000}`;
  const sageDemo: SageDirectDemo | null =
    config.mode === 'direct' ? await startSageDirectDemo(`${callbackBase}${ADMIN_PATH}/providers/sage_accounting/oauth/callback`) : null;
  const byte8 = await createByte8({ storage, providers, canonicalSource: shopCanonicalSource(db),
    ...(sageDemo ? { direct: [sageDemo.mode] } : {}),
    ledger: { defaultBaseUrl: ledgerUrl, ...(config.allowedLedgerHosts ? { allowedHosts: config.allowedLedgerHosts } : {}) },
    ...(config.logger ? { logger: config.logger } : {}),
  });

  const app = express();
  const connector = byte8Express({
    byte8,
    admin: {
      auth: basicAuth(config.admin.user, config.admin.password),
      documents: shopDocuments(db, (type, id) => `/${type === 'invoice' ? 'invoices' : 'creditmemos'}/${id}`),
      ...(config.publicUrl ? { publicBaseUrl: config.publicUrl } : {}),
      title: 'Byte8 connector · demo shop',
    },
  });
  app.get('/favicon.ico', favicon);
  app.use(connector.router);
  app.use(ADMIN_PATH, connector.adminRouter);
  app.use(shopRouter({ db, hooks: connector.hooks, admin: byte8.admin, providers, adminPath: ADMIN_PATH }));
  app.use(notFound(ADMIN_PATH));
  app.use(shopErrors(ADMIN_PATH, byte8.logger));

  const server: Server = app.listen(config.port ?? 3000, config.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shopUrl = `http://${config.host ?? '127.0.0.1'}:${port}`;
  const publicUrl = config.publicUrl ?? shopUrl;

  const pairingCodes: Record<string, string> = {};
  for (const provider of providers) {
    if (byte8.direct.has(provider.key)) continue;
    const status = await byte8.admin.connectionStatus(provider.key);
    if (simulator && config.autoPair !== false) {
      // The simulator forgets its tenants on restart: pair again, keeping the tenant id so queued rows still go out.
      const { code } = await byte8.admin.generatePairingCode(provider.key);
      const paired = await simulator.pair(publicUrl, code, { provider: provider.key, ...(status.tenantId ? { tenantId: status.tenantId } : {}) });
      if (paired.status !== 200) throw new Error(`pairing ${provider.key} with the simulator failed: HTTP ${paired.status}`);
    } else if (!simulator && !status.connected && config.autoPair !== false) {
      pairingCodes[provider.key] = (await byte8.admin.generatePairingCode(provider.key)).code;
    }
  }

  const sageBusiness = sageDemo ? await sageDemo.connect(byte8.direct.get('sage_accounting') as SageDirectConnection) : null;
  if (config.seed !== false && (await seedShop({ db, hooks: connector.hooks }))) print('Seeded customers, products, orders, invoices and a credit memo.');
  if (config.startWorker !== false) connector.worker.start();

  const adminUrl = `${shopUrl}${ADMIN_PATH}/`;
  print(`Shop:   ${shopUrl}/`);
  print(`Admin:  ${adminUrl}  (user "${config.admin.user}", password "${config.admin.password}")`);
  if (sageDemo) {
    print(`Sage:   direct mode, the Sage API simulator at ${sageDemo.simulator.url} (${sageBusiness}); no ledger for Sage`);
    print(`        documents post from this shop's worker; the admin shows their Sage ids`);
  }
  const names = providers.filter((p) => !byte8.direct.has(p.key)).map((p) => p.labels.name).join(', ');
  if (simulator && names !== '') {
    print(`Ledger: simulator at ${simulator.url} for ${names} (${config.autoPair === false ? 'not paired' : 'paired automatically'}; every event is synced)`);
    print(`        open ${simulator.url}/ to see what it received, pulled and answered`);
  }
  else if (Object.keys(pairingCodes).length > 0) {
    print(`Ledger: ${ledgerUrl} - not paired yet. Open ${ledgerUrl}/dashboard and paste:`);
    print(`  base URL:     ${publicUrl}`);
    for (const provider of providers) {
      const code = pairingCodes[provider.key];
      if (code) print(`  pairing code for ${provider.labels.name}: ${code}   (single use, valid 30 minutes; or generate one in the admin)`);
    }
  } else print(`Ledger: ${ledgerUrl} (paired: ${names})`);

  return {
    shopUrl,
    adminUrl,
    byte8,
    db,
    simulator,
    sageSimulator: sageDemo?.simulator ?? null,
    pairingCodes,
    async close() {
      await connector.worker.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await simulator?.stop();
      await byte8.close();
      await sageDemo?.stop();
    },
  };
}
