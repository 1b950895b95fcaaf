import { sql } from 'kysely';
import { type Byte8Tables, TABLE_NAMES } from '../byte8-tables.js';

/**
 * The connector's tables on MySQL: the same names, each behind the optional
 * prefix (MySQL has no schemas). `schema` stays null so shared code that
 * reads it treats MySQL like an unqualified PostgreSQL.
 */
export function byte8MysqlTables(prefix: string): Byte8Tables {
  const table = (name: string) => sql.table(`${prefix}${name}`);
  return {
    schema: null,
    outbox: table(TABLE_NAMES.outbox),
    syncState: table(TABLE_NAMES.syncState),
    connection: table(TABLE_NAMES.connection),
    entityRef: table(TABLE_NAMES.entityRef),
    jti: table(TABLE_NAMES.jti),
    watermark: table(TABLE_NAMES.watermark),
    rateLimit: table(TABLE_NAMES.rateLimit),
    oauthConnection: table(TABLE_NAMES.oauthConnection),
  };
}
