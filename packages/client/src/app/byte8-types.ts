import type { AdminApi, CanonicalSource, Clock, HostHooks, Logger, Provider, Random } from '@byte8/core';
import type { Dispatcher } from 'undici';
import type { Byte8Storage } from '../storage/byte8-storage.js';
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
    /** Used until pairing stores the ledger's own base URL. Default `https://ledger.byte8.io`. */
    readonly defaultBaseUrl?: string;
    readonly dispatcher?: Dispatcher;
    readonly connectTimeoutMs?: number;
    readonly totalTimeoutMs?: number;
  };
  readonly worker?: {
    readonly batchSize?: number;
    readonly concurrency?: number;
    readonly pollIntervalMs?: number;
    readonly leaseMs?: number;
    readonly maxAttempts?: number;
  };
  readonly inbound?: {
    /** Honour `X-Forwarded-Proto: https` from a trusted proxy. */
    readonly trustProxy?: boolean;
    readonly maxBodyBytes?: number;
  };
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly random?: Random;
}

/** The drain loop (design §5 Outbound). */
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
  readonly admin: AdminApi;
  readonly worker: DrainWorkerHandle;
  close(): Promise<void>;
}
