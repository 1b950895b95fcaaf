import type {
  ActivityStore,
  ConnectionStore,
  EntityRefStore,
  EntityXrefStore,
  OAuthConnectionStore,
  OutboxStore,
  RateLimitStore,
  ReplayGuard,
  SyncStateStore,
} from '@byte8/core';
import type { Kysely } from 'kysely';
import type { WatermarkStore } from './watermark-store.js';

export type StorageDialect = 'pg' | 'pglite' | 'mysql';

/**
 * Everything the connector keeps in the database, over one kysely instance
 * (design §7). Built by `createStorage()`; close it when the host stops.
 */
export interface Byte8Storage {
  readonly dialect: StorageDialect;
  /** The connector's kysely instance (tables are `byte8_*`, optionally in `schema`). */
  readonly db: Kysely<any>;
  readonly schema: string | null;
  /** MySQL only: the prefix of every table name (`''` for none). */
  readonly tablePrefix?: string;
  readonly outbox: OutboxStore;
  readonly syncState: SyncStateStore;
  readonly connections: ConnectionStore;
  readonly entityRefs: EntityRefStore;
  readonly replayGuard: ReplayGuard;
  /** Pairing rate-limit counters shared by every instance on the database. */
  readonly rateLimits: RateLimitStore;
  /** OAuth connections of providers in direct mode (tokens sealed, refresh single-flight). */
  readonly oauthConnections: OAuthConnectionStore;
  /** Direct mode: what each host entity became at the provider (migration 0008). */
  readonly entityXrefs: EntityXrefStore;
  /** Aggregates for the admin dashboard's figures. */
  readonly activity: ActivityStore;
  /** Named change-feed positions of reconciliation and backfill. */
  readonly watermarks: WatermarkStore;
  /** Runs the connector's migrations (idempotent). */
  migrate(): Promise<void>;
  /**
   * Calls `onNotify` whenever an enqueue commits (NOTIFY `byte8_outbox`).
   * Only a latency hint: the worker must be correct with polling alone.
   * On MySQL, which has no LISTEN/NOTIFY, it never calls.
   * Resolves to an unsubscribe function.
   */
  listen(onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
