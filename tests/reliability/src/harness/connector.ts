import { randomBytes } from 'node:crypto';
import { type Byte8, type Byte8Options, type Byte8Storage, createByte8, createStorage } from '@byte8/client';
import { type CanonicalSource, type InvoiceSnapshot, silentLogger } from '@byte8/core';
import { sageAccounting } from '@byte8/sage-accounting';
import { type LedgerSimulator, type ThrowawayPgDatabase, createThrowawayPgDatabase } from '@byte8/testkit';
import { PG_BASE_URL } from './scale.js';
import { shopSource } from './shop-source.js';

export const SAGE = 'sage_accounting';

/** One master-key encryption key per test run, shared with the worker processes it starts. */
export const ENCRYPTION_KEY = randomBytes(32).toString('base64');
export const ENCRYPTION = { keys: { k1: ENCRYPTION_KEY }, activeKeyId: 'k1' } as const;

/** A connector over a throwaway PostgreSQL database, connected to a simulator tenant. */
export interface ReliabilityHost {
  readonly database: ThrowawayPgDatabase;
  readonly storage: Byte8Storage;
  readonly byte8: Byte8;
  readonly tenantId: string;
  readonly masterKey: string;
  close(): Promise<void>;
}

export interface HostOptions extends Partial<Omit<Byte8Options, 'storage' | 'providers' | 'canonicalSource'>> {
  readonly sim: LedgerSimulator;
  /** Where the worker sends deliveries; default the simulator (a proxy in front of it for outages). */
  readonly ledgerBaseUrl?: string;
  /** Where the simulator pulls from (the host's inbound server, `.../rest` removed). */
  readonly hostBaseUrl?: string;
  readonly canonicalSource?: CanonicalSource;
  /** Reuse a database instead of creating one. */
  readonly database?: ThrowawayPgDatabase;
}

/**
 * Creates a database, migrates it, composes the connector with `createByte8`
 * (its worker not started) and stores a connection to a new simulator tenant,
 * as a completed pairing would.
 */
export async function startReliabilityHost(options: HostOptions): Promise<ReliabilityHost> {
  const { sim, ledgerBaseUrl, hostBaseUrl, canonicalSource, database: given, ...rest } = options;
  const database = given ?? (await createThrowawayPgDatabase(PG_BASE_URL));
  const storage = await createStorage({ databaseUrl: database.url, migrate: true });
  const byte8 = await createByte8({
    storage,
    providers: [sageAccounting()],
    canonicalSource: canonicalSource ?? shopSource(),
    encryption: ENCRYPTION,
    logger: silentLogger,
    reconciliation: { intervalMs: 0 },
    ...rest,
    // The simulator and the fault proxy listen on 127.0.0.1.
    ledger: { allowedHosts: ['127.0.0.1'], ...rest.ledger },
    worker: { gcIntervalMs: 0, ...rest.worker },
  });
  const tenant = sim.registerTenant({ provider: SAGE, ...(hostBaseUrl ? { hostBaseUrl } : {}) });
  const now = new Date();
  await storage.connections.setPairingCode(SAGE, 'reliability', now);
  const paired = await storage.connections.completePairing(
    SAGE,
    'reliability',
    { tenantId: tenant.tenantId, encryptedMasterKey: byte8.secretBox.seal(tenant.masterKey), ledgerBaseUrl: ledgerBaseUrl ?? sim.url },
    now,
  );
  if (!paired) throw new Error('could not store the connection');
  return {
    database,
    storage,
    byte8,
    tenantId: tenant.tenantId,
    masterKey: tenant.masterKey,
    async close() {
      await byte8.close();
      if (!given) await database.drop();
    },
  };
}

/** A new invoice as the host reports it (first save, open). */
export function newInvoice(id: number): InvoiceSnapshot {
  return { id, incrementId: String(id).padStart(9, '0'), state: 'open', websiteId: 1, storeId: 1 };
}

/**
 * Enqueues `invoice.created` for invoices `firstId .. firstId + count - 1`
 * through the provider's rules and the publisher, in chunks (one statement
 * each), as a busy host's hooks would.
 */
export async function enqueueInvoices(byte8: Byte8, firstId: number, count: number, chunk = 500): Promise<void> {
  const provider = byte8.providers[0]!;
  for (let start = 0; start < count; start += chunk) {
    const fired = [];
    for (let id = firstId + start; id < firstId + Math.min(count, start + chunk); id++) {
      fired.push(...provider.eventsFor({ kind: 'invoice', change: { before: null, after: newInvoice(id) } }));
    }
    await byte8.publisher.enqueue(provider.key, fired);
  }
}
