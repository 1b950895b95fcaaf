import { PGlite } from '@electric-sql/pglite';

/** A fresh in-memory PGlite database; close it when done. */
export async function createMemoryPglite(): Promise<PGlite> {
  return PGlite.create();
}
