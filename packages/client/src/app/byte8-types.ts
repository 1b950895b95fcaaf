import type {
  AdminApi,
  Byte8Container,
  CanonicalSource,
  Clock,
  DirectConnection,
  DirectMode,
  HostHooks,
  LedgerTransport,
  Logger,
  Provider,
  Random,
  SecretBox,
} from '@byte8/core';
import type { Dispatcher } from 'undici';
import type { DeliveryMetrics } from '../metrics/delivery-metrics.js';
import type { PairingRateLimitOptions } from '../pairing/pairing-rate-limiter.js';
import type { Publisher } from '../publisher/publisher.js';
import type { Reconciler } from '../reconcile/create-reconciler.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import type { DrainWorker } from '../worker/create-drain-worker.js';
import type { DrainWorkerOptions } from '../worker/drain-worker-options.js';
import type { NodeInboundHandler } from '../inbound/node/node-inbound-handler.js';
import type { InboundHandler } from './inbound-types.js';

/** Options of `createByte8()`, the client's composition root. */
export interface Byte8Options {
  /** An open storage (see `createStorage`). */
  readonly storage: Byte8Storage;
  readonly providers: readonly Provider[];
  readonly canonicalSource: CanonicalSource;
  /** Master-key encryption at rest: key id -> 32-byte key (base64). Required when `production`. */
  readonly encryption?: { readonly keys: Readonly<Record<string, string>>; readonly activeKeyId: string };
  /** Production mode: HTTPS required for inbound JWT routes; no development encryption key. */
  readonly production?: boolean;
  readonly ledger?: {
    /** Used until pairing stores the ledger's own base URL. Default `https://ledger.byte8.io`. Its origin is always allowed. */
    readonly defaultBaseUrl?: string;
    /**
     * Hosts a paired ledger base URL may name (`ledger.example.com`, `*.example.com`;
     * `*` = any host, development only). Checked at pairing and before every call.
     * Default the real ledger's host and its subdomains.
     */
    readonly allowedHosts?: readonly string[];
    readonly dispatcher?: Dispatcher;
    readonly connectTimeoutMs?: number;
    readonly totalTimeoutMs?: number;
  };
  /** Drain tuning (batch size, concurrency, poll interval, lease, attempts, GC). */
  readonly worker?: DrainWorkerOptions;
  /** Reconciliation sweep run by the worker loop; `intervalMs: 0` turns it off. Default every 5 minutes. */
  readonly reconciliation?: { readonly intervalMs?: number; readonly maxPerPass?: number; readonly settleMs?: number };
  readonly inbound?: {
    /**
     * Honour `X-Forwarded-Proto: https` from a proxy you control, for the HTTPS check of
     * production mode. The one setting every adapter follows (through `serveNode`). Default false.
     */
    readonly trustProxy?: boolean;
    /** Larger inbound bodies get 413, before they are buffered. Default 1 MiB. */
    readonly maxBodyBytes?: number;
    readonly pairingRateLimit?: PairingRateLimitOptions;
    /** How often a verified request purges expired `jti`s (where no worker GC runs). Default 10 min; 0 off. */
    readonly jtiPurgeIntervalMs?: number;
  };
  /**
   * Providers in direct mode (the store posts to the provider itself, no
   * ledger): e.g. `[sageDirect({...})]` of `@byte8/sage-direct`. Each names an
   * installed provider; it is attached to this connector's storage and secret box.
   */
  readonly direct?: readonly DirectMode[];
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly random?: Random;
}

/** The drain loop (design §5 Outbound); `createByte8` also runs GC and reconciliation beside it. */
export interface DrainWorkerHandle {
  start(): void;
  /** Finishes or releases in-flight rows, then resolves. */
  stop(): Promise<void>;
  /** One claim-deliver-record pass; resolves to the number of rows attempted. */
  drainOnce(): Promise<number>;
  /** Drains until nothing is due (tests, CLI). */
  drainUntilIdle(): Promise<number>;
}

/** What `createByte8()` returns: everything an adapter mounts. */
export interface Byte8 {
  readonly storage: Byte8Storage;
  readonly providers: readonly Provider[];
  /** Called by the host on saves. */
  readonly hooks: HostHooks;
  /** Serves `/V1/byte8/*` (mount under `/rest`). */
  readonly handleInbound: InboundHandler;
  /**
   * `handleInbound` on node's request and response: reads the body with the size cap and
   * decides `secure` with `inbound.trustProxy`. Adapters call it with the path after `/rest`.
   */
  readonly serveNode: NodeInboundHandler;
  /** The inbound settings in force (defaults applied). */
  readonly inbound: { readonly trustProxy: boolean; readonly maxBodyBytes: number };
  readonly admin: AdminApi;
  readonly worker: DrainWorkerHandle & Pick<DrainWorker, 'gc' | 'workerId'>;
  readonly publisher: Publisher;
  readonly reconciler: Reconciler;
  readonly transport: LedgerTransport;
  readonly secretBox: SecretBox;
  readonly metrics: DeliveryMetrics;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly canonicalSource: CanonicalSource;
  /** The attached direct modes by provider key (empty when every provider goes through the ledger). */
  readonly direct: ReadonlyMap<string, DirectConnection>;
  /** The composed ports, for adapters that bind more. */
  readonly container: Byte8Container;
  /** Stops the worker, closes the transport; closes the storage only if `closeStorage` (default true). */
  close(options?: { readonly closeStorage?: boolean }): Promise<void>;
}
