/**
 * The real Sage endpoints. Sage's guide gives one API host for every region
 * (c.1) and one sign-in page that routes UK and North American users by
 * `country` (c.2); the regional API hosts Byte8's documents mention are not
 * confirmed by Sage (e.19), so a region only picks the sign-in country.
 */
export const SAGE_HOSTS = {
  /** (c.2) `filter=apiv3.1` selects the v3.1 flow. */
  authorizeUrl: 'https://www.sageone.com/oauth2/auth/central?filter=apiv3.1',
  tokenUrl: 'https://oauth.accounting.sage.com/token',
  revokeUrl: 'https://oauth.accounting.sage.com/revoke',
  /** (c.1) */
  apiBaseUrl: 'https://api.accounting.sage.com/v3.1',
} as const;

/** `country` values of the authorize call (c.2: the current list, then the older ones). */
export const SAGE_REGIONS = ['gb', 'ie', 'ca', 'us', 'de', 'es', 'fr'] as const;
export type SageRegion = (typeof SAGE_REGIONS)[number];
