import type { Migration, MigrationProvider } from 'kysely';
import { coalescedNotify } from './coalesced-notify.js';
import { entityXref } from './entity-xref.js';
import { initialSchema } from './initial-schema.js';
import { oauthConnections } from './oauth-connections.js';
import { rateLimits } from './rate-limits.js';
import { syncStateMessage } from './sync-state-message.js';

/**
 * The connector's migrations, in code so they ship inside the bundle. Names
 * sort in run order; never rename or edit one that has shipped, add a new one.
 */
export function byte8Migrations(schema: string | null): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001_initial': initialSchema(schema),
    '0002_coalesced_notify': coalescedNotify(schema),
    '0003_rate_limits': rateLimits(schema),
    '0005_sync_state_message': syncStateMessage(schema),
    '0006_oauth_connections': oauthConnections(schema),
    '0008_entity_xref': entityXref(schema),
  };
  return { getMigrations: async () => migrations };
}
