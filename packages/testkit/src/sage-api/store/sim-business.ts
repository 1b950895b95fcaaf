import type { SageRecord } from './sage-record.js';

/** How many writes a business received, per resource (e.g. `creates.sales_invoices`). */
export interface BusinessCounts {
  readonly creates: Readonly<Record<string, number>>;
  readonly updates: Readonly<Record<string, number>>;
  readonly deletes: Readonly<Record<string, number>>;
}

/** Ids of the objects every seeded business starts with. */
export interface BusinessSeedIds {
  /** Ledger account id by nominal code, e.g. `ledgerAccounts['4000']`. */
  readonly ledgerAccounts: Readonly<Record<string, string>>;
  /** `current` (1200) and `card` (1210) bank accounts. */
  readonly bankAccounts: { readonly current: string; readonly card: string };
}

export interface SimBusinessProfile {
  readonly id: string;
  readonly name: string;
  /** ISO country, `GB` for every seeded business. */
  readonly countryId: string;
  readonly baseCurrencyId: string;
}

const bump = (counter: Record<string, number>, resource: string) => {
  counter[resource] = (counter[resource] ?? 0) + 1;
};

/**
 * Everything one Sage business holds. Tests read it back with `list` and `get`
 * (copies, so a test cannot change state by accident); the API routes use the
 * live `rows`/`row` accessors.
 */
export class SimBusiness {
  /** False answers every API call for this business with Sage's "No active subscription" 401 (c.2). */
  subscriptionActive = true;
  readonly #collections = new Map<string, Map<string, SageRecord>>();
  readonly #sequences = new Map<string, number>();
  /** The last accepted request object per stored object, so PUT can merge onto it and re-validate the whole. */
  readonly #inputs = new Map<string, Record<string, unknown>>();
  readonly #counts = { creates: {} as Record<string, number>, updates: {} as Record<string, number>, deletes: {} as Record<string, number> };

  constructor(
    readonly profile: SimBusinessProfile,
    readonly seed: BusinessSeedIds,
  ) {}

  get id(): string {
    return this.profile.id;
  }

  /** Copies of every stored object of `resource` (soft-deleted ones included), oldest first. */
  list(resource: string): SageRecord[] {
    return this.rows(resource).map((record) => structuredClone(record));
  }

  /** A copy of one stored object, or undefined. */
  get(resource: string, id: string): SageRecord | undefined {
    const record = this.row(resource, id);
    return record === undefined ? undefined : structuredClone(record);
  }

  get counts(): BusinessCounts {
    return structuredClone(this.#counts);
  }

  /** Live objects of `resource`, oldest first. */
  rows(resource: string): SageRecord[] {
    return [...this.#collection(resource).values()];
  }

  row(resource: string, id: string): SageRecord | undefined {
    return this.#collection(resource).get(id);
  }

  /** Stores (or replaces) an object. */
  store(resource: string, record: SageRecord): SageRecord {
    this.#collection(resource).set(record.id, record);
    return record;
  }

  remove(resource: string, id: string): void {
    this.#collection(resource).delete(id);
    this.#inputs.delete(`${resource}/${id}`);
  }

  rememberInput(resource: string, id: string, input: Record<string, unknown>): void {
    this.#inputs.set(`${resource}/${id}`, structuredClone(input));
  }

  inputOf(resource: string, id: string): Record<string, unknown> {
    return structuredClone(this.#inputs.get(`${resource}/${id}`) ?? {});
  }

  /** The next number of a document series (`SI`, `CN`), from 1. */
  nextNumber(series: string): number {
    const next = (this.#sequences.get(series) ?? 0) + 1;
    this.#sequences.set(series, next);
    return next;
  }

  countWrite(kind: keyof BusinessCounts, resource: string): void {
    bump(this.#counts[kind], resource);
  }

  #collection(resource: string): Map<string, SageRecord> {
    let collection = this.#collections.get(resource);
    if (collection === undefined) {
      collection = new Map();
      this.#collections.set(resource, collection);
    }
    return collection;
  }
}
