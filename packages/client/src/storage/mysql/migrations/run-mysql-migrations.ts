import { type Kysely, Migrator } from 'kysely';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from '../../migrations/run-migrations.js';
import { byte8MysqlMigrations } from './byte8-mysql-migrations.js';

/**
 * Brings the connector's MySQL tables up to date. Idempotent, and safe when
 * several processes boot at once (kysely serialises them with GET_LOCK).
 * MySQL commits every DDL statement on its own: a migration that fails
 * halfway leaves the statements before the failure applied, so keep each
 * migration to as few statements as it needs.
 */
export async function runMysqlMigrations(db: Kysely<any>, prefix: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: byte8MysqlMigrations(prefix),
    migrationTableName: `${prefix}${MIGRATION_TABLE}`,
    migrationLockTableName: `${prefix}${MIGRATION_LOCK_TABLE}`,
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`byte8 storage migration ${failed ?? ''} failed: ${reason}`.replace('  ', ' '), { cause: error });
  }
}
