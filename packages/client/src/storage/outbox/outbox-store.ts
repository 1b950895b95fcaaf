import type {
  ClaimOptions,
  CurrentTenant,
  DeliveryOutcome,
  EnqueueResult,
  HeldAction,
  HeldCount,
  HostTransaction,
  OutboxCount,
  OutboxEventInput,
  OutboxListQuery,
  OutboxRow,
  OutboxStatus,
  OutboxStore,
} from '@byte8/core';
import { sql } from 'kysely';
import { checkIds, checkStatus } from './outbox-checks.js';
import { OUTBOX_CHANNEL } from '../byte8-tables.js';
import { toDate, toNumber } from '../sql-values.js';
import { type StoreContext, executorOf } from '../store-context.js';
import { runClaimStatement, validateClaimOptions } from './claim-statement.js';
import { runCompleteStatement } from './complete-statement.js';
import { enqueueEvents, enqueueEventsForConnectedTenant } from './enqueue-events.js';
import { countHeld, resolveHeldRows } from './held-rows.js';
import { toOutboxRow } from './outbox-row.js';

const DEFAULT_PURGE_BATCH = 1000;

/**
 * The durable outbox over kysely (design §5). Enqueue, claim and complete are
 * one statement each; see the statement files for the SQL and its reasons.
 */
export class KyselyOutboxStore implements OutboxStore {
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  async enqueue(events: readonly OutboxEventInput[], options?: { transaction?: HostTransaction }): Promise<EnqueueResult[]> {
    const executor = executorOf(this.#context, options?.transaction);
    return enqueueEvents(executor, this.#context.tables, events, this.#context.clock.now());
  }

  async enqueueForConnectedTenant(
    provider: string,
    events: readonly OutboxEventInput[],
    options?: { transaction?: HostTransaction },
  ): Promise<EnqueueResult[] | null> {
    const executor = executorOf(this.#context, options?.transaction);
    return enqueueEventsForConnectedTenant(executor, this.#context.tables, provider, events, this.#context.clock.now());
  }

  async claim(options: ClaimOptions): Promise<OutboxRow[]> {
    validateClaimOptions(options);
    if (options.tenants.length === 0) return [];
    return runClaimStatement(this.#context.db, this.#context.tables, options, this.#context.clock.now());
  }

  async complete(owner: string, outcomes: readonly DeliveryOutcome[]): Promise<void> {
    await runCompleteStatement(this.#context.db, this.#context.tables, owner, outcomes);
  }

  async release(owner: string, ids: readonly number[]): Promise<void> {
    checkIds('release', ids);
    if (ids.length === 0) return;
    // The claim counted a started attempt that never ran: give it back.
    await sql`
      UPDATE ${this.#context.tables.outbox}
      SET lease_owner = NULL, lease_expires_at = NULL, attempts_started = GREATEST(attempts_started - 1, attempts)
      WHERE entity_id = ANY(${ids}::bigint[]) AND lease_owner = ${owner} AND status = 'pending'
    `.execute(this.#context.db);
  }

  async requeue(target: { readonly id: number } | { readonly all: true }, provider?: string): Promise<number> {
    const byId = 'id' in target;
    if (byId) checkIds('requeue', [target.id]);
    else if (target?.all !== true) throw new TypeError('requeue: target must be { id } or { all: true }');
    const { db, tables } = this.#context;
    // Keeps last_status_code, last_error and last_attempt_at (wire-contract §11).
    const result = await sql`
      UPDATE ${tables.outbox}
      SET status = 'pending', attempts = 0, attempts_started = 0, next_attempt_at = NULL,
          lease_owner = NULL, lease_expires_at = NULL
      WHERE status = 'dead_lettered'
        ${byId ? sql`AND entity_id = ${target.id}` : sql``}
        ${provider === undefined ? sql`` : sql`AND provider = ${provider}`}
    `.execute(db);
    const changed = Number(result.numAffectedRows ?? 0n);
    // Updates do not fire the insert trigger; wake workers for the revived rows.
    if (changed > 0) await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(db);
    return changed;
  }

  async find(id: number): Promise<OutboxRow | null> {
    checkIds('find', [id]);
    const result = await sql<Record<string, unknown>>`
      SELECT * FROM ${this.#context.tables.outbox} WHERE entity_id = ${id}
    `.execute(this.#context.db);
    const row = result.rows[0];
    return row ? toOutboxRow(row) : null;
  }

  async list(query: OutboxListQuery): Promise<{ rows: OutboxRow[]; total: number }> {
    checkStatus(query.status);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new TypeError('list: `limit` must be a positive integer');
    if (!Number.isSafeInteger(offset) || offset < 0) throw new TypeError('list: `offset` must be a non-negative integer');
    const byEntity = query.entityType !== undefined || query.entityId !== undefined;
    if (byEntity && (typeof query.entityType !== 'string' || !Number.isSafeInteger(query.entityId) || query.entityId! < 1)) {
      throw new TypeError('list: `entityType` and `entityId` (a positive integer) go together');
    }
    const where = sql`WHERE true
      ${query.status === undefined ? sql`` : sql`AND status = ${query.status}`}
      ${query.provider === undefined ? sql`` : sql`AND provider = ${query.provider}`}
      ${byEntity ? sql`AND entity_ref = ${query.entityId} AND entity_type = ${query.entityType}` : sql``}`;
    const { db, tables } = this.#context;
    // Newest attempt first, as `outbox inspect` shows dead letters (wire-contract §11).
    const rows = await sql<Record<string, unknown>>`
      SELECT * FROM ${tables.outbox} ${where}
      ORDER BY last_attempt_at DESC NULLS LAST, entity_id DESC LIMIT ${limit} OFFSET ${offset}
    `.execute(db);
    const total = await sql<{ total: unknown }>`SELECT count(*) AS total FROM ${tables.outbox} ${where}`.execute(db);
    return { rows: rows.rows.map(toOutboxRow), total: toNumber(total.rows[0]?.total ?? 0) };
  }

  async counts(): Promise<OutboxCount[]> {
    const result = await sql<{ provider: string; status: OutboxStatus; count: unknown }>`
      SELECT provider, status, count(*) AS count FROM ${this.#context.tables.outbox}
      GROUP BY provider, status ORDER BY provider, status
    `.execute(this.#context.db);
    return result.rows.map((r) => ({ provider: r.provider, status: r.status, count: toNumber(r.count) }));
  }

  async oldestPendingAgeMs(provider?: string): Promise<number | null> {
    // Ids grow with time, so the lowest pending id is the oldest row: a short walk of the pending index.
    const result = await sql<{ created_at: unknown }>`
      SELECT created_at FROM ${this.#context.tables.outbox}
      WHERE status = 'pending' ${provider === undefined ? sql`` : sql`AND provider = ${provider}`}
      ORDER BY entity_id LIMIT 1
    `.execute(this.#context.db);
    const row = result.rows[0];
    return row ? this.#context.clock.now().getTime() - toDate(row.created_at).getTime() : null;
  }

  async purgeSucceeded(options: { readonly olderThan: Date; readonly batchSize?: number; readonly dryRun?: boolean }): Promise<number> {
    const { olderThan, batchSize = DEFAULT_PURGE_BATCH, dryRun = false } = options;
    if (!(olderThan instanceof Date) || Number.isNaN(olderThan.getTime())) throw new TypeError('purgeSucceeded: `olderThan` must be a valid Date');
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new TypeError('purgeSucceeded: `batchSize` must be a positive integer');
    const { db, tables } = this.#context;
    // COALESCE(last_attempt_at, created_at) < olderThan (wire-contract §6.11), spelled so the (status, last_attempt_at) index applies.
    const aged = sql`status = 'succeeded' AND (last_attempt_at < ${olderThan}::timestamptz
      OR (last_attempt_at IS NULL AND created_at < ${olderThan}::timestamptz))`;
    if (dryRun) {
      const result = await sql<{ total: unknown }>`SELECT count(*) AS total FROM ${tables.outbox} WHERE ${aged}`.execute(db);
      return toNumber(result.rows[0]?.total ?? 0);
    }
    let total = 0;
    for (;;) {
      // Bounded batches keep each transaction and its locks short on a big table.
      const result = await sql`
        DELETE FROM ${tables.outbox} WHERE entity_id IN (
          SELECT entity_id FROM ${tables.outbox} WHERE ${aged} LIMIT ${batchSize}
        )
      `.execute(db);
      const deleted = Number(result.numAffectedRows ?? 0n);
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }

  async heldCounts(current: readonly CurrentTenant[]): Promise<HeldCount[]> {
    return countHeld(this.#context.db, this.#context.tables, current);
  }

  async resolveHeld(provider: string, currentTenantId: string, action: HeldAction): Promise<number> {
    return resolveHeldRows(this.#context.db, this.#context.tables, provider, currentTenantId, action, this.#context.clock.now());
  }

  async knows(provider: string, eventName: string, entityId: number): Promise<boolean> {
    const result = await sql`
      SELECT 1 FROM ${this.#context.tables.outbox}
      WHERE entity_ref = ${entityId} AND provider = ${provider} AND event_name = ${eventName} LIMIT 1
    `.execute(this.#context.db);
    return result.rows.length > 0;
  }
}
