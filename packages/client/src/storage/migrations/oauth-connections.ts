import { type Kysely, type Migration, sql } from 'kysely';
import { TABLE_NAMES } from '../byte8-tables.js';

/**
 * 0006: the OAuth connection of each provider in direct mode (the store posts
 * to the provider's API itself). Tokens and the PKCE verifier are stored
 * sealed by the secret box; the OAuth `state` and the browser binding only
 * as SHA-256 hex. One row per provider: a refresh locks it (single-flight
 * across processes), and a new connect replaces the one in flight.
 */
export function oauthConnections(schema: string | null): Migration {
  const builder = (db: Kysely<any>) => (schema ? db.schema.withSchema(schema) : db.schema);
  return {
    async up(db) {
      await builder(db)
        .createTable(TABLE_NAMES.oauthConnection)
        .addColumn('provider', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('status', 'varchar(24)', (c) => c.notNull().defaultTo('disconnected'))
        .addColumn('status_reason', 'varchar(500)')
        .addColumn('business_id', 'varchar(64)')
        .addColumn('business_name', 'varchar(255)')
        .addColumn('granted_by', 'varchar(64)')
        .addColumn('access_token_sealed', 'text')
        .addColumn('access_token_expires_at', 'timestamptz')
        .addColumn('refresh_token_sealed', 'text')
        .addColumn('refresh_token_expires_at', 'timestamptz')
        .addColumn('scope', 'varchar(64)')
        .addColumn('auth_state_hash', 'char(64)')
        .addColumn('auth_browser_hash', 'char(64)')
        .addColumn('auth_verifier_sealed', 'text')
        .addColumn('auth_expires_at', 'timestamptz')
        .addColumn('connected_at', 'timestamptz')
        .addColumn('refreshed_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addCheckConstraint(
          'byte8_oauth_connection_status_ck',
          sql`status IN ('connected', 'business_needed', 'reconnect_needed', 'disconnected')`,
        )
        // A usable status always has both tokens: the store never half-writes a grant.
        .addCheckConstraint(
          'byte8_oauth_connection_tokens_ck',
          sql`status = 'disconnected' OR (access_token_sealed IS NOT NULL AND refresh_token_sealed IS NOT NULL AND access_token_expires_at IS NOT NULL)`,
        )
        .execute();
    },
    async down(db) {
      await builder(db).dropTable(TABLE_NAMES.oauthConnection).ifExists().execute();
    },
  };
}
