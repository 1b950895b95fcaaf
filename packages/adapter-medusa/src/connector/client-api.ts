import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdminApi, CanonicalSource, DirectConnection, DirectMode, EntityRefStore, HostHooks, Logger, OutboxStore, Provider, SyncStateStore } from '@byte8/core';

/**
 * The parts of `@byte8/client` the plugin composes: storage on Medusa's
 * database and the composition root. Declared structurally so the plugin
 * binds to the client's public functions only.
 */
export interface ConnectorStorage {
  readonly outbox: OutboxStore;
  readonly syncState: SyncStateStore;
  readonly entityRefs: EntityRefStore;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectorInboundRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly rawBody: Uint8Array | string;
  readonly secure: boolean;
  readonly remoteAddress: string;
}

export interface ConnectorInboundResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What `createByte8()` returns, as far as the plugin uses it. */
export interface Connector {
  readonly storage: ConnectorStorage;
  readonly providers: readonly Provider[];
  readonly hooks: HostHooks;
  readonly handleInbound: (request: ConnectorInboundRequest) => Promise<ConnectorInboundResponse>;
  /** `handleInbound` on node's request and response: capped body read, `secure` from `inbound.trustProxy`. */
  readonly serveNode: (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void>;
  readonly admin: AdminApi;
  /** Providers in direct mode, by key: the OAuth connect routes drive these. */
  readonly direct: ReadonlyMap<string, DirectConnection>;
  readonly worker: { drainOnce(): Promise<number>; drainUntilIdle(): Promise<number>; start(): void; stop(): Promise<void> };
  /** The sweep that re-offers changes whose hook never ran (`changedSince` against outbox and mirror). */
  readonly reconciler: { runOnce(signal?: AbortSignal): Promise<{ readonly enqueued: number }> };
  close(): Promise<void>;
}

export interface ConnectorOptions {
  readonly storage: ConnectorStorage;
  readonly providers: readonly Provider[];
  readonly canonicalSource: CanonicalSource;
  readonly encryption?: { readonly keys: Readonly<Record<string, string>>; readonly activeKeyId: string };
  readonly production?: boolean;
  readonly ledger?: { readonly defaultBaseUrl?: string; readonly allowedHosts?: readonly string[] };
  readonly worker?: { readonly batchSize?: number; readonly concurrency?: number; readonly leaseMs?: number; readonly maxAttempts?: number };
  readonly inbound?: {
    readonly trustProxy?: boolean;
    readonly maxBodyBytes?: number;
    readonly pairingRateLimit?: { readonly perAddress?: number; readonly global?: number; readonly windowMs?: number };
  };
  readonly reconciliation?: { readonly intervalMs?: number; readonly maxPerPass?: number; readonly settleMs?: number };
  readonly direct?: readonly DirectMode[];
  readonly logger?: Logger;
}

export interface ClientApi {
  createStorage(options: { readonly databaseUrl: string; readonly schema?: string }): ConnectorStorage | Promise<ConnectorStorage>;
  createByte8(options: ConnectorOptions): Promise<Connector>;
  /** Provider keys, package names or objects to providers, packages looked up from `searchFrom` first. */
  resolveProviders(entries: readonly unknown[], options: { readonly searchFrom: readonly string[] }): Promise<Provider[]>;
  /** Imports a package the host installed (resolved from `searchFrom` first). */
  importPackageFrom(pkg: string, searchFrom: readonly string[]): Promise<Record<string, unknown>>;
}

/**
 * Loads `@byte8/client` (an ES module; dynamic import works from Medusa's
 * CommonJS loader) and checks that it offers what the plugin needs.
 */
export async function loadClientApi(): Promise<ClientApi> {
  const loaded = (await import('@byte8/client')) as unknown as Partial<ClientApi>;
  if (typeof loaded.createStorage !== 'function' || typeof loaded.createByte8 !== 'function' || typeof loaded.resolveProviders !== 'function' || typeof loaded.importPackageFrom !== 'function') {
    throw new Error('@byte8/client does not export createStorage(), createByte8(), resolveProviders() and importPackageFrom(); install a matching version');
  }
  return loaded as ClientApi;
}

/** Only the storage half, for the migration step. */
export async function loadStorageApi(): Promise<Pick<ClientApi, 'createStorage'>> {
  const loaded = (await import('@byte8/client')) as unknown as Partial<ClientApi>;
  if (typeof loaded.createStorage !== 'function') {
    throw new Error('@byte8/client does not export createStorage(); install a matching version');
  }
  return loaded as Pick<ClientApi, 'createStorage'>;
}
