import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type EntityType, entityTypeOfEvent, formatWireTimestamp, syncStateCallbackSchema, type TerminalSyncStatus } from '@byte8/core';
import type { HostClient } from './host-client.js';
import type { PullRecord } from './records.js';
import type { RequestLog } from './request-log.js';
import type { EventPolicy, PolicyTable } from './simulator-options.js';
import type { SimTenant } from './tenant-registry.js';

/** A delivery answered 202, handed over for processing. */
export interface AcceptedDelivery {
  readonly syncRunId: string;
  readonly tenant: SimTenant;
  readonly provider: string;
  readonly event: string;
  readonly entityId: number;
}

/** The ledger's error class for a failed pull (wire-contract §7.9 names the classes). */
function errorCodeOfPull(pull: PullRecord): string {
  if (pull.status === 404) return 'not_found';
  if (pull.status === 401 || pull.status === 403) return 'auth';
  if (pull.status === 200) return 'validation';
  return 'http';
}

/**
 * What the ledger does after a 202: wait, pull the canonical entity (and the
 * payment for `invoice.paid`), validate it, and call back `sync-state`.
 */
export class EventProcessor {
  readonly #inFlight = new Set<Promise<void>>();
  readonly #pendingByTenant = new Map<string, number>();
  readonly #abort = new AbortController();

  constructor(
    readonly policies: PolicyTable,
    readonly host: HostClient,
    readonly log: RequestLog,
    readonly now: () => Date,
  ) {}

  schedule(delivery: AcceptedDelivery): void {
    const policy = this.policies.for(delivery.event);
    if (policy.outcome === 'none' || this.#abort.signal.aborted) return;
    this.#bump(delivery.tenant.tenantId, 1);
    const run = this.#run(delivery, policy).finally(() => {
      this.#bump(delivery.tenant.tenantId, -1);
      this.#inFlight.delete(run);
    });
    this.#inFlight.add(run);
  }

  /** Accepted deliveries of a tenant still waiting for their terminal status. */
  pendingCount(tenantId: string): number {
    return this.#pendingByTenant.get(tenantId) ?? 0;
  }

  /** Resolves once nothing is scheduled or running. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Cancels waiting work and lets running work finish. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.idle();
  }

  async #run(delivery: AcceptedDelivery, policy: EventPolicy): Promise<void> {
    try {
      await sleep(policy.delayMs ?? 0, undefined, { signal: this.#abort.signal });
    } catch {
      return; // stopped while waiting
    }
    try {
      await this.#process(delivery, policy);
    } catch (error) {
      const entityType = entityTypeOfEvent(delivery.event) as EntityType;
      this.#record(delivery, entityType, 'failed', 'internal', null, null, `simulator error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #process(delivery: AcceptedDelivery, policy: EventPolicy): Promise<void> {
    const { tenant, event, entityId, syncRunId } = delivery;
    const entityType = entityTypeOfEvent(event) as EntityType;
    let outcome: TerminalSyncStatus = policy.outcome as TerminalSyncStatus;
    let errorCode: string | null = outcome === 'failed' ? (policy.errorCode ?? 'provider') : null;
    let reason: string | null = null;

    if (tenant.hostBaseUrl === null) {
      this.#record(delivery, entityType, outcome, errorCode, null, null, 'tenant has no host base URL: no pull, no callback');
      return;
    }
    if (policy.pull !== false) {
      const targets = event === 'invoice.paid' ? [entityType, 'payment' as const] : [entityType];
      for (const target of targets) {
        const pull = await this.host.pull(tenant, target, entityId);
        if (!pull.valid) {
          outcome = 'failed';
          errorCode = errorCodeOfPull(pull);
          reason = `pull ${target}/${entityId}: ${pull.issues.join('; ')}`;
          break;
        }
      }
    }
    if (tenant.disconnected) {
      this.#record(delivery, entityType, outcome, errorCode, null, null, 'tenant disconnected: no callback');
      return;
    }
    const skipReason = outcome === 'skipped' ? (policy.skipReason ?? 'outside_sync_since') : null;
    const providerEntityId = outcome === 'synced' ? (policy.providerEntityId?.({ event, entityId }) ?? randomBytes(16).toString('hex')) : null;
    const message = outcome === 'synced' ? null : (reason ?? policy.message ?? null);
    const body = syncStateCallbackSchema.parse({
      entity_type: entityType,
      magento_entity_id: entityId,
      provider: delivery.provider,
      sync_status: outcome,
      provider_entity_id: providerEntityId,
      provider_reference: null,
      skip_reason: skipReason,
      error_code: errorCode,
      last_sync_at: formatWireTimestamp(this.now()),
      message,
    });
    const status = await this.host.callback(tenant, body, syncRunId);
    if (status < 200 || status >= 300) reason = `${reason ? `${reason}; ` : ''}callback answered ${status || 'network error'}`;
    this.#record(delivery, entityType, outcome, errorCode, skipReason, providerEntityId, reason);
  }

  #record(
    delivery: AcceptedDelivery,
    entityType: EntityType,
    outcome: TerminalSyncStatus,
    errorCode: string | null,
    skipReason: string | null,
    providerEntityId: string | null,
    reason: string | null,
  ): void {
    this.log.processedRun({
      syncRunId: delivery.syncRunId,
      tenantId: delivery.tenant.tenantId,
      provider: delivery.provider,
      event: delivery.event,
      entityType,
      entityId: delivery.entityId,
      outcome,
      errorCode,
      skipReason,
      providerEntityId,
      reason,
      finishedAt: this.now(),
    });
  }

  #bump(tenantId: string, delta: number): void {
    this.#pendingByTenant.set(tenantId, (this.#pendingByTenant.get(tenantId) ?? 0) + delta);
  }
}
