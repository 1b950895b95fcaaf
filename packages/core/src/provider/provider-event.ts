import type { HostChangeKind, ChangeOf } from '../host/host-changes.js';
import type { EntityType } from '../sync/entity-types.js';
import type { WireEventName } from '../wire/event-names.js';

/** What a rule decided to send; the publisher adds `occurred_at` and serialises. */
export interface FiredEvent {
  readonly eventName: WireEventName;
  readonly entityType: EntityType;
  readonly entityId: number;
  readonly websiteId: number;
  readonly storeId: number;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly idempotencyKey: string;
  /** Upserts coalesce while pending and re-send with versioned keys later (design §5). */
  readonly upsert: boolean;
}

/**
 * One subscription of a provider: the host change it listens to and its
 * firing rule. `fire` returns null when the rule does not fire (a skip).
 */
export interface ProviderEventRule<K extends HostChangeKind = HostChangeKind> {
  readonly event: WireEventName;
  readonly on: K;
  fire(change: ChangeOf<K>): FiredEvent | null;
}

/**
 * A rule for any one host change kind. `ProviderEventRule<HostChangeKind>` would
 * demand a `fire` that accepts every kind of change; this union lets a provider
 * list rules that each take their own kind.
 */
export type AnyProviderEventRule = { [K in HostChangeKind]: ProviderEventRule<K> }[HostChangeKind];
