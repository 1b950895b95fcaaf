import type { CanonicalSource, EntityType, HostTransaction, OutboxRow, SyncStateStore } from '@byte8/core';
import type { EnsureContext } from '../exactly-once/ensure-object.js';
import type { CatalogLink } from '../mapping/artefact-lines.js';
import type { SagePolicy } from '../policy/sage-policy.js';
import { DocumentError } from './document-error.js';
import type { SageCalls } from './retry-after-gate.js';

/** What the chip says after a row (wire-contract §9, spec b.9). */
export type ChipUpdate =
  | { readonly status: 'synced'; readonly providerEntityId: string; readonly providerReference: string | null; readonly message?: string | null }
  | { readonly status: 'skipped'; readonly skipReason: string; readonly providerEntityId?: string | null; readonly providerReference?: string | null; readonly message?: string | null }
  | { readonly status: 'failed'; readonly errorCode: string; readonly message: string };

/** Everything one row's delivery works with. */
export interface DeliveryContext {
  readonly row: OutboxRow;
  /** The wire id of the entity (`magento_entity_id`). */
  readonly entityId: number;
  readonly ensure: EnsureContext;
  /** Sage, behind the business's Retry-After gate. */
  readonly api: SageCalls;
  readonly policy: SagePolicy;
  readonly source: CanonicalSource;
  readonly catalog: CatalogLink;
  readonly now: () => Date;
  /** Writes the chip of `entityType`/`entityId` (default: the row's), joining `transaction` when given. */
  chip(update: ChipUpdate, options?: { transaction?: HostTransaction; entityType?: EntityType; entityId?: number }): Promise<void>;
}

const cut = (text: string | null | undefined, max: number) => (text === null || text === undefined ? null : text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The mirror writer of a row: the same columns the ledger's sync-state callback fills. */
export function chipWriter(syncState: SyncStateStore, row: OutboxRow, provider: string, now: () => Date): DeliveryContext['chip'] {
  return async (update, options = {}) => {
    const entityType = options.entityType ?? row.entityType;
    const entityId = options.entityId ?? row.entityId;
    if (entityType === null || entityId === null || entityId < 1) return;
    await syncState.upsertTerminal(
      {
        entityType,
        entityId,
        provider,
        status: update.status,
        providerEntityId: update.status === 'failed' ? null : (update.providerEntityId ?? null),
        providerReference: update.status === 'failed' ? null : cut(update.providerReference ?? null, 64),
        skipReason: update.status === 'skipped' ? cut(update.skipReason, 64) : null,
        errorCode: update.status === 'failed' ? cut(update.errorCode, 64) : null,
        message: cut(update.message ?? null, 500),
        lastSyncAt: now(),
      },
      options.transaction === undefined ? undefined : { transaction: options.transaction },
    );
  };
}

/** A skip the policy decided (b.1, b.3). */
export class PolicySkip extends Error {
  constructor(
    readonly reason: string,
    message?: string,
    /** The Sage object the entity already has, kept on the chip (an invoice whose payment is skipped). */
    readonly providerEntityId: string | null = null,
    readonly providerReference: string | null = null,
  ) {
    super(message ?? reason);
    this.name = 'PolicySkip';
  }
}

/** The canonical entity, or a `not_found` failure naming it. */
export async function required<T>(entity: Promise<T | null>, what: string, id: number): Promise<T> {
  const found = await entity;
  if (found === null || found === undefined) {
    throw new DocumentError('not_found', `The store has no ${what} ${id} (the canonical source returned nothing)`);
  }
  return found;
}
