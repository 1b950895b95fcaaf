import type { PGlite } from '@electric-sql/pglite';
import { initDataDirInChild, isInitialisedDataDir } from './init-data-dir.js';

/** What the built-in PGlite is opened with. */
export interface PgliteOpenOptions {
  readonly dataDir?: string;
  /** PostgreSQL settings (`-c name=value` at start), e.g. `{ shared_buffers: '16MB' }`. */
  readonly settings?: Readonly<Record<string, string>>;
}

/**
 * Opens the storage's own PGlite. PGlite is loaded here, on demand: a worker
 * on PostgreSQL never pays its memory. A fresh on-disk directory is
 * initialised in a child process first (see initDataDirInChild).
 */
export async function openPglite(options: PgliteOpenOptions): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (options.dataDir && !isInitialisedDataDir(options.dataDir)) await initDataDirInChild(options.dataDir);
  const settings = Object.entries(options.settings ?? {});
  return PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(settings.length > 0 ? { startParams: [...PGlite.defaultStartParams, ...settings.flatMap(([name, value]) => ['-c', `${name}=${value}`])] } : {}),
  });
}
