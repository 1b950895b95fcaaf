import { seedId } from '../store/sage-ids.js';

/** A Sage user who can sign in on the authorize page. */
export interface SeededUser {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** Business ids this user reaches; the first is the lead business. */
  readonly businessIds: readonly string[];
}

export interface SeededBusiness {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
}

const business = (key: string, name: string, ownerKey: string): SeededBusiness => ({ id: seedId(`business:${key}`), name, ownerId: seedId(`user:${ownerKey}`) });

const businesses = {
  /** The only business of `users.solo`. */
  solo: business('solo', 'Solo Shop Ltd', 'solo'),
  /** The lead business of `users.multi`. */
  north: business('north', 'North Shop Ltd', 'multi'),
  /** The second business of `users.multi`. */
  south: business('south', 'South Shop Ltd', 'multi'),
} as const;

const user = (key: string, firstName: string, lastName: string, businessIds: readonly string[]): SeededUser => ({
  id: seedId(`user:${key}`),
  firstName,
  lastName,
  email: `${firstName.toLowerCase()}@${key}.example.com`,
  businessIds,
});

/**
 * The users and businesses every simulator starts with: all three businesses
 * are UK (GB, GBP) and carry the same seeded reference data under their own ids.
 */
export const SAGE_SEED = {
  businesses,
  users: {
    /** Sam, one business (`businesses.solo`). */
    solo: user('solo', 'Sam', 'Solo', [businesses.solo.id]),
    /** Morgan, two businesses: `businesses.north` (lead) and `businesses.south`. */
    multi: user('multi', 'Morgan', 'Multi', [businesses.north.id, businesses.south.id]),
  },
} as const;
