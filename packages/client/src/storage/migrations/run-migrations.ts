import { type Kysely, Migrator } from 'kysely';
import { byte8Migrations } from './byte8-migrations.js';

export const MIGRATION_TABLE = 'byte8_migration';
export const MIGRATION_LOCK_TABLE = 'byte8_migration_lock';

/**
 * Brings the connector's tables up to date. Idempotent, and safe when several
 * processes boot at once (kysely takes an advisory lock). Creates `schema`
 * when it is missing.
 */
export async function runMigrations(db: Kysely<any>, schema: string | null): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: byte8Migrations(schema),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    // Migrations are numbered as they are written, on branches in parallel, and each stands
    // alone: a database that already ran 0005 still runs a 0003 merged after it.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`byte8 storage migration ${failed ?? ''} failed: ${reason}`.replace('  ', ' '), { cause: error });
  }
}
