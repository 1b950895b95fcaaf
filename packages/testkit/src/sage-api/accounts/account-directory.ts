import { seedBusiness } from '../seed/seed-business.js';
import { SAGE_SEED, type SeededBusiness, type SeededUser } from '../seed/seeded-accounts.js';
import type { SimBusiness } from '../store/sim-business.js';

/** The simulator's Sage users and the businesses each reaches (c.1). */
export class AccountDirectory {
  readonly #users = new Map<string, SeededUser>();
  readonly #businesses = new Map<string, SimBusiness>();
  readonly #profiles = new Map<string, SeededBusiness>();

  constructor() {
    for (const seeded of Object.values(SAGE_SEED.businesses)) {
      this.#businesses.set(seeded.id, seedBusiness(seeded));
      this.#profiles.set(seeded.id, seeded);
    }
    for (const user of Object.values(SAGE_SEED.users)) this.#users.set(user.id, user);
  }

  users(): SeededUser[] {
    return [...this.#users.values()];
  }

  user(id: string): SeededUser | undefined {
    return this.#users.get(id);
  }

  business(id: string): SimBusiness | undefined {
    return this.#businesses.get(id);
  }

  businesses(): SimBusiness[] {
    return [...this.#businesses.values()];
  }

  owner(businessId: string): SeededUser | undefined {
    const profile = this.#profiles.get(businessId);
    return profile === undefined ? undefined : this.#users.get(profile.ownerId);
  }

  /** The businesses a user reaches, lead business first. */
  businessesOf(userId: string): SimBusiness[] {
    return (this.#users.get(userId)?.businessIds ?? []).map((id) => this.#businesses.get(id)!);
  }
}
