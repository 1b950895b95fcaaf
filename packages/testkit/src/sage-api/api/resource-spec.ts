import type { SageRecord } from '../store/sage-record.js';
import type { SimBusiness } from '../store/sim-business.js';
import type { Input } from '../validation/field-reader.js';
import type { FilterName } from './list-filters.js';

/** What a resource handler gets: the business the token reaches and the simulator's time. */
export interface ResourceContext {
  readonly business: SimBusiness;
  readonly now: Date;
}

/**
 * One `/v3.1/<name>` resource. Handlers throw `SageApiError` to refuse;
 * the generic routes do paging, 404, 405, 415 and the root key.
 */
export interface ResourceSpec {
  /** Plural path segment and collection name, e.g. `sales_invoices`. */
  readonly name: string;
  /** Body root key of POST/PUT, e.g. `sales_invoice` (c.6). */
  readonly rootKey?: string;
  /** List filters understood besides paging, `attributes` and `sort` (others are ignored, as Sage ignores unknown parameters). */
  readonly filters?: readonly FilterName[];
  /** The texts `search` matches (case-insensitive substring). */
  readonly searchIn?: (record: SageRecord) => readonly unknown[];
  /** Objects that exist but GET no longer shows (soft-deleted contacts). */
  readonly hidden?: (record: SageRecord) => boolean;
  readonly create?: (ctx: ResourceContext, input: Input) => SageRecord;
  readonly update?: (ctx: ResourceContext, existing: SageRecord, input: Input) => SageRecord;
  /** Deletes (or voids); answers 204. */
  readonly remove?: (ctx: ResourceContext, existing: SageRecord, query: URLSearchParams) => void;
  /** `POST /<name>/{id}/<action>`, e.g. `release`. */
  readonly actions?: Readonly<Record<string, (ctx: ResourceContext, existing: SageRecord) => SageRecord>>;
}
