import type { HostTransaction } from './outbox-store.js';

/**
 * Port: stable positive-integer wire ids for hosts with string ids (design §6).
 * `kind` separates id spaces (`order`, `invoice`, `customer`, ...).
 */
export interface EntityRefStore {
  /** Returns the alias, creating it on first use. Never changes once given. */
  aliasOf(kind: string, hostId: string, options?: { transaction?: HostTransaction }): Promise<number>;
  /** The host id behind an alias, or null. */
  hostIdOf(kind: string, wireId: number): Promise<string | null>;
}
