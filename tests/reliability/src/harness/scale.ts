/** How big a run is: `ci` (default, a few minutes on 2 cores) or `full` (the figures). */
export type Scale = 'ci' | 'full';

/** Read once, at the edge of the test run (`RELIABILITY_SCALE=full`). */
export const SCALE: Scale = process.env.RELIABILITY_SCALE === 'full' ? 'full' : 'ci';

/** The CI figure or the full one. */
export function scaled<T>(ci: T, full: T): T {
  return SCALE === 'full' ? full : ci;
}

/** A fast-check seed: `RELIABILITY_SEED` to replay a failure, else a fresh one (always printed). */
export const SEED: number = process.env.RELIABILITY_SEED ? Number(process.env.RELIABILITY_SEED) : Math.floor(Math.random() * 2 ** 31);

/** PostgreSQL server the throwaway databases are created on. */
export const PG_BASE_URL: string = process.env.BYTE8_TEST_PG_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
