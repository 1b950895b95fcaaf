import type { CliStorage } from './cli-context.js';
import { CommandFailure, UsageError } from './cli-errors.js';
import type { GlobalSettings } from './global-settings.js';
import { type Byte8HostConfig, isOpenStorage } from './host-config.js';

/**
 * The storage of a CLI run: the config module's open storage, or one built
 * from its `storage` options with `--database-url`/`--data-dir`/`--schema`/
 * `--table-prefix` (and their variables) taking precedence.
 */
export async function openCliStorage(settings: GlobalSettings, config: Byte8HostConfig | null): Promise<{ storage: CliStorage; owned: boolean }> {
  const fromConfig = config?.storage;
  let storage: unknown;
  if (isOpenStorage(fromConfig) && !settings.databaseUrl && !settings.dataDir) {
    storage = fromConfig;
  } else {
    const base = isOpenStorage(fromConfig) ? {} : { ...(fromConfig ?? {}) };
    const options: Record<string, unknown> = { ...base, migrate: false };
    if (settings.databaseUrl) {
      options.databaseUrl = settings.databaseUrl;
      delete options.dataDir;
      delete options.pglite;
      delete options.pool;
    }
    if (settings.dataDir) {
      options.dataDir = settings.dataDir;
      delete options.databaseUrl;
      delete options.pglite;
      delete options.pool;
    }
    if (settings.schema) options.schema = settings.schema;
    if (settings.tablePrefix) options.tablePrefix = settings.tablePrefix;
    if (!options.databaseUrl && !options.dataDir && !options.pglite && !options.pool) {
      throw new UsageError(
        'no database configured: pass --database-url (BYTE8_DATABASE_URL), --data-dir (BYTE8_DATA_DIR), or --config with a module whose storage names one',
      );
    }
    try {
      // Loaded on demand: PGlite and pg are heavy, and `--help` needs neither.
      const { createStorage } = await import('../storage/create-storage.js');
      storage = await createStorage(options as Parameters<typeof createStorage>[0]);
    } catch (error) {
      const message = (error as Error).message;
      // Bad options are the caller's mistake; an unreachable server is a failure.
      if (error instanceof TypeError) throw new UsageError(message);
      throw new CommandFailure(`could not open the database: ${message}`);
    }
  }
  const typed = storage as CliStorage;
  if (!typed.watermarks) throw new UsageError('the configured storage has no watermark store (createStorage from @byte8/client provides one)');
  return { storage: typed, owned: true };
}
