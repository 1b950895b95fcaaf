import { TABLE_NAMES } from '@byte8/client';

/**
 * Every table `byte8 migrate` must leave in a fresh database: the connector's
 * own (as the workspace's client names them, so a new migration's table is
 * expected here without editing this list) and kysely's two bookkeeping tables.
 */
export const BYTE8_TABLES: readonly string[] = [...Object.values(TABLE_NAMES), 'byte8_migration', 'byte8_migration_lock'].sort();
