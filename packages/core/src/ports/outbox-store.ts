import type { EntityType } from '../sync/entity-types.js';
import type { OutboxStatus } from '../sync/outbox-status.js';

/** A host database transaction the store may join (a kysely `Transaction`, opaque to core). */
export type HostTransaction = unknown;

/** One event to enqueue. `body` holds the exact bytes sent on every attempt. */
export interface OutboxEventInput {
  readonly provider: string;
  /** Tenant current at enqueue; rows for another tenant are held, not sent (design §5). */
  readonly tenantId: string | null;
  readonly eventName: string;
  /** Contract key (`invoice.created:42`); upserts may be stored versioned (`:v2`). */
  readonly idempotencyKey: string;
  readonly body: string;
  readonly entityType: EntityType | null;
  readonly entityId: number | null;
  /**
   * Upsert semantics (design §5): a pending row for the same provider, event
   * and entity absorbs this one; once a row with the key was delivered or
   * dead-lettered, the event is stored again under `{key}:v{n}`.
   */
  readonly upsert: boolean;
}

export type EnqueueOutcome = 'inserted' | 'duplicate' | 'coalesced';

export interface EnqueueResult {
  readonly outcome: EnqueueOutcome;
  /** The key stored (possibly versioned). */
  readonly idempotencyKey: string;
  readonly id: number | null;
}

export interface OutboxRow {
  readonly id: number;
  readonly provider: string;
  readonly tenantId: string | null;
  readonly eventName: string;
  readonly idempotencyKey: string;
  readonly body: string;
  readonly entityType: EntityType | null;
  readonly entityId: number | null;
  readonly status: OutboxStatus;
  /** Finished attempts (the contract's `attempts`). */
  readonly attempts: number;
  /** Claims taken; started - finished > threshold means the row crashes the worker. */
  readonly attemptsStarted: number;
  readonly lastStatusCode: number | null;
  readonly lastAttemptAt: Date | null;
  readonly nextAttemptAt: Date | null;
  readonly lastError: string | null;
  readonly leaseOwner: string | null;
  readonly leaseExpiresAt: Date | null;
  readonly createdAt: Date;
}

export interface ClaimOptions {
  /** Identifies the worker holding the lease. */
  readonly owner: string;
  readonly limit: number;
  readonly leaseMs: number;
  /** Only rows of these providers whose tenant matches the provider's current tenant. */
  readonly tenants: readonly CurrentTenant[];
}

/** The result of one delivery attempt, recorded in a batch. */
export type DeliveryOutcome =
  | { readonly kind: 'succeeded'; readonly id: number; readonly statusCode: number; readonly at: Date }
  | {
      readonly kind: 'retry';
      readonly id: number;
      readonly statusCode: number | null;
      readonly error: string;
      readonly at: Date;
      readonly nextAttemptAt: Date;
    }
  | {
      readonly kind: 'dead_lettered';
      readonly id: number;
      readonly statusCode: number | null;
      readonly error: string;
      readonly at: Date;
    };

export interface OutboxListQuery {
  readonly status?: OutboxStatus;
  readonly provider?: string;
  /** One entity's rows (both or neither). */
  readonly entityType?: EntityType;
  readonly entityId?: number;
  readonly limit?: number;
  readonly offset?: number;
}

export interface OutboxCount {
  readonly provider: string;
  readonly status: OutboxStatus;
  readonly count: number;
}

/** Pending rows of one provider enqueued for a tenant other than its current one. */
export interface HeldCount {
  readonly provider: string;
  readonly count: number;
  /** The previous tenants the rows were enqueued for, sorted. */
  readonly tenants: readonly string[];
}

/** What an operator does with held rows: send them to the current tenant, or delete them. */
export type HeldAction = 'readdress' | 'drop';

/** A provider and the tenant it is paired with now. */
export interface CurrentTenant {
  readonly provider: string;
  readonly tenantId: string;
}

/** Port: the durable outbox (design §3). Implemented over kysely in client. */
export interface OutboxStore {
  /** Outbox row + pending mirror row per event, in one round trip, joining `transaction` when given. */
  enqueue(events: readonly OutboxEventInput[], options?: { transaction?: HostTransaction }): Promise<EnqueueResult[]>;
  /**
   * `enqueue` addressed to the tenant `provider` is connected to now (tenant id and master key
   * stored), which the same statement reads: one round trip where a connection read and an
   * enqueue took two. Every event's `provider` must be `provider`; its `tenantId` is not used.
   * Null, with nothing written, when the provider is not connected. Optional: without it the
   * publisher reads the connection first.
   */
  enqueueForConnectedTenant?(
    provider: string,
    events: readonly OutboxEventInput[],
    options?: { transaction?: HostTransaction },
  ): Promise<EnqueueResult[] | null>;
  /** Leases up to `limit` due rows with `FOR UPDATE SKIP LOCKED`, oldest first, one per entity (FIFO). */
  claim(options: ClaimOptions): Promise<OutboxRow[]>;
  /** Records outcomes of claimed rows in one statement; ignores rows whose lease `owner` lost. */
  complete(owner: string, outcomes: readonly DeliveryOutcome[]): Promise<void>;
  /** Gives back leases without counting an attempt (graceful stop). */
  release(owner: string, ids: readonly number[]): Promise<void>;
  /** Dead-lettered -> pending, attempts 0; returns rows changed. */
  requeue(target: { readonly id: number } | { readonly all: true }, provider?: string): Promise<number>;
  find(id: number): Promise<OutboxRow | null>;
  list(query: OutboxListQuery): Promise<{ rows: OutboxRow[]; total: number }>;
  counts(): Promise<OutboxCount[]>;
  /** Age in ms of the oldest pending row, or null when none is pending. */
  oldestPendingAgeMs(provider?: string): Promise<number | null>;
  /** Deletes succeeded rows older than `olderThan`, at most `batchSize` per statement; returns total. */
  purgeSucceeded(options: { readonly olderThan: Date; readonly batchSize?: number; readonly dryRun?: boolean }): Promise<number>;
  /** Held rows (pending, another tenant than `current` names for their provider), per provider with any. */
  heldCounts(current: readonly CurrentTenant[]): Promise<HeldCount[]>;
  /**
   * Operator action on `provider`'s held rows (rows in flight are left alone):
   * `readdress` makes them the current tenant's, in their original order;
   * `drop` deletes them, and the pending mirror rows no other pending row
   * backs (their chip goes back to not synced). Returns the rows changed.
   */
  resolveHeld(provider: string, currentTenantId: string, action: HeldAction): Promise<number>;
  /** Does any row (any status) exist for this provider/event/entity? Used by reconciliation. */
  knows(provider: string, eventName: string, entityId: number): Promise<boolean>;
}
