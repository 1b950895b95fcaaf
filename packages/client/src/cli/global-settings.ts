import { z } from 'zod';
import { LOG_LEVELS } from '../logging/create-logger.js';
import { UsageError } from './cli-errors.js';

/** Global flags, each with its environment variable (flags win). */
export const GLOBAL_SETTINGS = {
  config: { flag: '--config <path>', env: 'BYTE8_CONFIG', description: 'host configuration module (default ./byte8.config.mjs or .js)' },
  databaseUrl: {
    flag: '--database-url <url>',
    env: 'BYTE8_DATABASE_URL',
    description: 'PostgreSQL (postgres://) or MySQL/MariaDB (mysql://) URL, when no configuration module is used',
  },
  dataDir: { flag: '--data-dir <dir>', env: 'BYTE8_DATA_DIR', description: 'embedded PGlite directory (single process), instead of a URL' },
  schema: { flag: '--schema <name>', env: 'BYTE8_DB_SCHEMA', description: 'PostgreSQL schema of the byte8_* tables' },
  tablePrefix: { flag: '--table-prefix <prefix>', env: 'BYTE8_DB_TABLE_PREFIX', description: 'MySQL prefix of the byte8_* table names' },
  logLevel: { flag: '--log-level <level>', env: 'BYTE8_LOG_LEVEL', description: `log level: ${LOG_LEVELS.join(', ')} (default info)` },
  allowedLedgerHosts: {
    flag: '--allowed-ledger-hosts <hosts>',
    env: 'BYTE8_ALLOWED_LEDGER_HOSTS',
    description: 'comma-separated hosts a paired ledger URL may name (host, *.domain; default the real ledger), when no configuration module sets ledger.allowedHosts',
  },
} as const;

const settingsSchema = z.object({
  config: z.string().min(1).optional(),
  databaseUrl: z
    .string()
    .regex(/^(postgres(ql)?|mysql):\/\//, 'must be a postgres://, postgresql:// or mysql:// URL')
    .optional(),
  dataDir: z.string().min(1).optional(),
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lowercase PostgreSQL identifier (a-z, 0-9, _)')
    .optional(),
  tablePrefix: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,31}$/, 'must be a lowercase identifier of at most 32 characters (a-z, 0-9, _)')
    .optional(),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  allowedLedgerHosts: z
    .string()
    .transform((value) => value.split(',').map((host) => host.trim()).filter(Boolean))
    .pipe(z.array(z.string()).min(1, 'must name at least one host'))
    .optional(),
  json: z.boolean().default(false),
});
export type GlobalSettings = z.infer<typeof settingsSchema>;

/**
 * Merges flags over environment variables and validates them; a bad value is
 * a usage error naming both the flag and the variable.
 */
export function resolveGlobalSettings(flags: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): GlobalSettings {
  const merged: Record<string, unknown> = { json: flags.json === true };
  for (const [key, setting] of Object.entries(GLOBAL_SETTINGS)) {
    const fromEnv = env[setting.env];
    const value = flags[key] ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
    if (value !== undefined) merged[key] = value;
  }
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]) as keyof typeof GLOBAL_SETTINGS;
    const setting = GLOBAL_SETTINGS[key];
    const name = setting ? `${setting.flag.split(' ')[0]} (${setting.env})` : key;
    throw new UsageError(`invalid setting ${name}: ${issue.message}`);
  }
  if (parsed.data.databaseUrl && parsed.data.dataDir) {
    throw new UsageError('set either --database-url (BYTE8_DATABASE_URL) or --data-dir (BYTE8_DATA_DIR), not both');
  }
  return parsed.data;
}
